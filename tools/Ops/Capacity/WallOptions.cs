using System.Globalization;
using AccessGrid.Ops.Load;

namespace AccessGrid.Ops.Capacity;

/// <summary>The storage-wall benchmark's settings.</summary>
/// <param name="SizesMb">Table database sizes to measure at, ascending.</param>
/// <param name="Load">Door readers per measurement (rate, duration, doors, mix, timeout).</param>
/// <param name="RealPeople">lfw people enrolled from photos, whose frames the readers send.</param>
/// <param name="DecisionsPerPerson">Hot-audit decisions added per synthetic person (8: two days of four a day, a
/// 500-person office's 2,000 a day).</param>
/// <param name="TemplatesPerPerson">Templates per synthetic person.</param>
public sealed record WallOptions(
    IReadOnlyList<int> SizesMb,
    LoadSettings Load,
    string ImagesFolder,
    int RealPeople,
    (int Width, int Height)? Frame,
    int DecisionsPerPerson = 8,
    int TemplatesPerPerson = 2)
{
    /// <summary>"10,50,100,200" → [10, 50, 100, 200] (sorted, each once); sizes within 1..2000 MB.</summary>
    public static IReadOnlyList<int> ParseSizes(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var sizes = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb is >= 1 and <= 2000 ? mb : -1).ToArray();
        if (sizes.Length == 0 || sizes.Contains(-1)) throw new ArgumentException("--sizes must list sizes in MB within 1..2000, e.g. 10,50,100,200.");
        return [.. sizes.Distinct().Order()];
    }
}
