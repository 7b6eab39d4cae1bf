using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace AccessGrid.Gateway.Contracts;

/// <summary>Door and staff ids appear in URLs, grain keys and storage keys: keep them to a safe, readable alphabet.</summary>
public static partial class Identifiers
{
    public const int MaxLength = 64;
    public const int MaxNameLength = 200;

    public static bool IsValid([NotNullWhen(true)] string? id) => id is not null && Pattern().IsMatch(id);

    public static string Rule => $"1-{MaxLength} characters: letters, digits, '.', '_' or '-', starting with a letter or digit.";

    public static bool IsValidName([NotNullWhen(true)] string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && !name.Any(char.IsControl);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
