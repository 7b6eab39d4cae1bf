namespace AccessGrid.Cli.Evaluation;

/// <summary>A distance threshold (accept as the same person when distance ≤ threshold) and the accuracy it achieved.</summary>
public readonly record struct ThresholdChoice(double Threshold, double Accuracy);
