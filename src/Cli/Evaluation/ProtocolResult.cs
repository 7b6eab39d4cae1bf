namespace AccessGrid.Cli.Evaluation;

/// <summary>Accuracy under one protocol and the threshold(s) it used.</summary>
/// <param name="AccuracyStd">Standard deviation over folds (10-fold protocol only).</param>
/// <param name="Threshold">The threshold applied (mean of the per-fold thresholds under cross-validation).</param>
/// <param name="CalibrationAccuracy">Accuracy on the calibration pairs at the chosen threshold, when there were any.</param>
public sealed record ProtocolResult(double Accuracy, double? AccuracyStd, double Threshold, IReadOnlyList<FoldResult> Folds, double? CalibrationAccuracy);
