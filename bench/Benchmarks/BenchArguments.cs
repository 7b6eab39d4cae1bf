namespace AccessGrid.Benchmarks;

/// <summary>`--name value` options after a verb; unknown or malformed options are reported, never ignored.</summary>
public sealed class BenchArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public BenchArguments(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null) _options[pending] = "true";
                pending = arg[2..];
            }
            else if (pending is not null) { _options[pending] = arg; pending = null; }
            else throw new ArgumentException($"Unexpected argument '{arg}'.");
        }
        if (pending is not null) _options[pending] = "true";
    }

    public string Text(string name, string fallback) => Get(name) ?? fallback;

    public int Int(string name, int fallback) => Get(name) is { } s ? ParseCount(name, s) : fallback;

    public bool Flag(string name) => Get(name) is "true";

    public IReadOnlyList<string> List(string name, string fallback) =>
        Text(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Call after reading every option: a typo must not silently fall back to a default.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
    }

    private string? Get(string name)
    {
        _used.Add(name);
        return _options.GetValueOrDefault(name);
    }

    /// <summary>Accepts 100000, 100k, 1m.</summary>
    private static int ParseCount(string name, string s)
    {
        var t = s.Trim().ToLowerInvariant();
        int scale = t.EndsWith('k') ? 1_000 : t.EndsWith('m') ? 1_000_000 : 1;
        if (scale > 1) t = t[..^1];
        if (!double.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 0)
            throw new ArgumentException($"--{name} expects a count like 100000 or 100k, got '{s}'.");
        return checked((int)(value * scale));
    }
}
