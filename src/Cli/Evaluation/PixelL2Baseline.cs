namespace AccessGrid.Cli.Evaluation;

/// <summary>The naive 96×96 RGB L2 baseline under the same protocol as the encodings.</summary>
public sealed record PixelL2Baseline(double Accuracy, double Threshold, double Auc, int FailedPairs);
