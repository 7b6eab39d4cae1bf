namespace AccessGrid.Cli.Evaluation;

/// <summary>Chooses and applies the <see cref="ProtocolKind"/> the given pairs files allow.</summary>
public static class VerificationProtocol
{
    public static ProtocolKind Choose(bool hasCalibration, int testFolds) =>
        hasCalibration ? ProtocolKind.Calibrated : testFolds > 1 ? ProtocolKind.CrossValidated : ProtocolKind.SelfCalibrated;

    public static ProtocolResult Evaluate(ProtocolKind kind, IReadOnlyList<LabelledDistance> test, IReadOnlyList<int> testFolds,
        IReadOnlyList<LabelledDistance>? calibration)
    {
        switch (kind)
        {
            case ProtocolKind.Calibrated:
                var calibrated = ThresholdSearch.Best(calibration ?? throw new ArgumentNullException(nameof(calibration)));
                return new ProtocolResult(ThresholdSearch.Accuracy(test, calibrated.Threshold), null, calibrated.Threshold, [], calibrated.Accuracy);
            case ProtocolKind.CrossValidated:
                var folds = CrossValidation.Run(test, testFolds);
                var accuracies = folds.Select(f => f.Accuracy).ToArray();
                return new ProtocolResult(Statistics.Mean(accuracies), Statistics.StandardDeviation(accuracies),
                    folds.Average(f => f.Threshold), folds, null);
            default:
                var self = ThresholdSearch.Best(test);
                return new ProtocolResult(self.Accuracy, null, self.Threshold, [], self.Accuracy);
        }
    }
}
