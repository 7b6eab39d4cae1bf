namespace AccessGrid.Cli.Evaluation;

/// <summary>What the encodings are measured against in report.json.</summary>
public sealed record Baselines(PixelL2Baseline PixelL2, TripletSummary Triplet);
