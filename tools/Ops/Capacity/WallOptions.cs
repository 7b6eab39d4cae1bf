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
    int TemplatesPerPerson = 2);
