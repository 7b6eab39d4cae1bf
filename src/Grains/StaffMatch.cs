using System.Text.RegularExpressions;

namespace AccessGrid.Grains;

/// <summary>The search rule of the staff directory: every word of the text starts a word of the name, or the whole
/// text starts the id. Both sides are folded the same way (<see cref="TextFolding"/>), so case and accents never matter.</summary>
public sealed partial class StaffMatch
{
    public static readonly StaffMatch Everyone = new("", []);

    private readonly string _idPrefix;
    private readonly string[] _words;

    private StaffMatch(string idPrefix, string[] words)
    {
        _idPrefix = idPrefix;
        _words = words;
    }

    public bool IsEveryone => _idPrefix.Length == 0;

    /// <summary>The folded text, as a prefix of the lower-cased id.</summary>
    public string IdPrefix => _idPrefix;

    /// <summary>The longest (most selective) word of the text, or null when it has none.</summary>
    public string? LongestWord => _words.MaxBy(w => w.Length);

    public static StaffMatch Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Everyone : new StaffMatch(TextFolding.Fold(text.Trim()), Words(text));

    /// <param name="id">The staff id as stored.</param>
    /// <param name="nameWords">The name's words as <see cref="Words"/> gives them.</param>
    public bool Matches(string id, string[] nameWords)
    {
        if (IsEveryone || id.StartsWith(_idPrefix, StringComparison.OrdinalIgnoreCase)) return true;
        if (_words.Length == 0) return false;
        foreach (var word in _words)
            if (!Array.Exists(nameWords, w => w.StartsWith(word, StringComparison.Ordinal))) return false;
        return true;
    }

    /// <summary>The folded words of a name: split at everything that is not a letter or digit ("Jean-Luc O'Brien" →
    /// jean, luc, o, brien).</summary>
    public static string[] Words(string name) => [.. Word().Matches(TextFolding.Fold(name)).Select(m => m.Value)];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
