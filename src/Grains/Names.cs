namespace AccessGrid.Grains;

/// <summary>The rule for display names of people and doors: what a guard reads on the dashboard.</summary>
internal static class Names
{
    public const int MaxLength = 200;

    /// <summary>The trimmed name; throws <see cref="AccessGridException"/> (Invalid, invalid_name) when it is blank, too
    /// long or holds control characters.</summary>
    public static string Require(string? name, string what) =>
        string.IsNullOrWhiteSpace(name) || name.Length > MaxLength || name.Any(char.IsControl)
            ? throw AccessGridException.Invalid("invalid_name", $"{what} name is required: at most {MaxLength} characters, no control characters.")
            : name.Trim();
}
