using System.Globalization;

namespace AccessGrid.Ops.Load;

/// <summary>Durations as people type them: 60s, 2m, 1h, 500ms, or plain seconds.</summary>
public static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().ToLowerInvariant();
        var (number, unit) = t.EndsWith("ms") ? (t[..^2], 0.001)
            : t.EndsWith('s') ? (t[..^1], 1.0)
            : t.EndsWith('m') ? (t[..^1], 60.0)
            : t.EndsWith('h') ? (t[..^1], 3600.0)
            : (t, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= 0) || double.IsInfinity(value))
            return false;
        duration = TimeSpan.FromSeconds(value * unit);
        return true;
    }
}
