using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace AccessGrid.Grains;

/// <summary>The one rule for staff, door and zone ids: safe in URLs, Table keys and blob names. Grains enforce it;
/// the gateway only uses it to refuse path segments before they become grain keys.</summary>
public static partial class Ids
{
    public const int MaxLength = 64;

    public static string Rule => $"1 to {MaxLength} letters, digits, '-', '_' or '.', starting with a letter or digit.";

    public static bool IsValid([NotNullWhen(true)] string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>Throws <see cref="AccessGridException"/> (Invalid, <paramref name="reason"/>) naming the field.</summary>
    public static string Require(string? id, string what, string reason = "invalid_id") => IsValid(id)
        ? id
        : throw AccessGridException.Invalid(reason, $"{what} '{id}' is not valid: {Rule}");

    // \z, not $: "$" also matches before a final newline, so "x\n" would pass and break the keys it becomes.
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z")]
    private static partial Regex Pattern();
}
