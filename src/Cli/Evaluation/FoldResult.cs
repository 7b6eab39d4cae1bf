namespace AccessGrid.Cli.Evaluation;

/// <summary>One fold of the 10-fold protocol: threshold chosen on the other folds, accuracy measured on this one.</summary>
public sealed record FoldResult(int Fold, double Threshold, double Accuracy);
