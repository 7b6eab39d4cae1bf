namespace AccessGrid.Cli.Evaluation;

public static class Statistics
{
    public static double Mean(IReadOnlyCollection<double> values) =>
        values.Count == 0 ? throw new ArgumentException("no values", nameof(values)) : values.Average();

    /// <summary>Population standard deviation, as LFW results are usually quoted (mean ± std over the 10 folds).</summary>
    public static double StandardDeviation(IReadOnlyCollection<double> values)
    {
        var mean = Mean(values);
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
