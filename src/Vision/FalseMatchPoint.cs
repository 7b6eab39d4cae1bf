namespace AccessGrid.Vision;

/// <summary>Per-comparison false-match rate measured at a distance.</summary>
public sealed record FalseMatchPoint(float Distance, double Rate);
