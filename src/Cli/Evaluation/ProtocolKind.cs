namespace AccessGrid.Cli.Evaluation;

/// <summary>How a threshold is chosen and tested: on separate calibration pairs, by cross-validation over the test
/// file's folds, or (single-fold file, nothing else given) on the test pairs themselves, which is optimistic.</summary>
public enum ProtocolKind { Calibrated, CrossValidated, SelfCalibrated }
