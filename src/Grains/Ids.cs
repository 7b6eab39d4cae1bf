using System.Text.RegularExpressions;

namespace AccessGrid.Grains;

/// <summary>What a staff, door or zone id may look like: safe in URLs, Table keys and blob names.</summary>
public static partial class Ids
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>Throws <see cref="AccessGridException"/> (Invalid) naming the field.</summary>
    public static string Require(string? id, string what) => IsValid(id)
        ? id!
        : throw new AccessGridException(AccessGridError.Invalid,
            $"{what} '{id}' is not valid: 1 to {MaxLength} letters, digits, '-', '_' or '.', starting with a letter or digit.");

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
