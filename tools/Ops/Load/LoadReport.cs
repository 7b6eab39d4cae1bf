namespace AccessGrid.Ops.Load;

/// <summary>The summary of a run: throughput, latency percentiles of the answered decisions, errors by kind and how
/// many decisions matched what the frame showed.</summary>
public sealed record LoadReport(
    int Requests,
    int Decisions,
    double OfferedRate,
    double Throughput,
    double WallSeconds,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    IReadOnlyDictionary<string, int> ErrorsByKind,
    IReadOnlyDictionary<string, int> DecisionsByReason,
    IReadOnlyDictionary<string, (int Expected, int Unexpected)> OutcomesByFrame)
{
    public static LoadReport From(IReadOnlyList<RequestOutcome> outcomes, LoadSettings settings)
    {
        var ok = outcomes.Where(o => o.Succeeded).ToList();
        var latencies = ok.Select(o => o.LatencyMs).Order().ToArray();
        double wall = outcomes.Count == 0 ? 0 : outcomes.Max(o => o.DueSeconds + o.LatencyMs / 1000);
        return new LoadReport(
            outcomes.Count,
            ok.Count,
            settings.Rate,
            wall > 0 ? ok.Count / wall : 0,
            wall,
            Percentiles.Of(latencies, 0.50),
            Percentiles.Of(latencies, 0.95),
            Percentiles.Of(latencies, 0.99),
            latencies.Length > 0 ? latencies[^1] : 0,
            outcomes.Where(o => !o.Succeeded).GroupBy(o => o.Error!).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            ok.GroupBy(o => $"{o.Decision}/{o.Reason}").OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            ok.GroupBy(o => o.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString().ToLowerInvariant(),
                g => (g.Count(o => o.AsExpected), g.Count(o => !o.AsExpected))));
    }

    public int Errors => ErrorsByKind.Values.Sum();
}
