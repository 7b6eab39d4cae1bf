namespace AccessGrid.Cli.Evaluation;

/// <summary>LFW's View 2 protocol: for each fold, pick the threshold on the remaining folds and test on it.</summary>
public static class CrossValidation
{
    public static IReadOnlyList<FoldResult> Run(IReadOnlyList<LabelledDistance> pairs, IReadOnlyList<int> folds)
    {
        if (pairs.Count != folds.Count) throw new ArgumentException("one fold index per pair is required", nameof(folds));
        var foldIds = folds.Distinct().Order().ToArray();
        if (foldIds.Length < 2) throw new ArgumentException("cross-validation needs at least two folds", nameof(folds));

        return foldIds.Select(fold =>
        {
            var train = pairs.Where((_, i) => folds[i] != fold).ToArray();
            var test = pairs.Where((_, i) => folds[i] == fold).ToArray();
            var threshold = ThresholdSearch.Best(train).Threshold;
            return new FoldResult(fold, threshold, ThresholdSearch.Accuracy(test, threshold));
        }).ToArray();
    }
}
