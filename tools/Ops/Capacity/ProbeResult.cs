using AccessGrid.Ops.Load;

namespace AccessGrid.Ops.Capacity;

/// <summary>What the insert probe saw: how many writes, their median and worst time, and when (seconds into the
/// probe) the stalls began.</summary>
public sealed record ProbeResult(int Inserts, double P50Ms, double P99Ms, double MaxMs, int Stalls, IReadOnlyList<double> StallsAtSeconds)
{
    public static ProbeResult From(IReadOnlyList<(double AtSeconds, double Ms)> samples)
    {
        var sorted = samples.Select(s => s.Ms).Order().ToArray();
        var stalls = samples.Where(s => s.Ms >= InsertProbe.StallMs).Select(s => Math.Round(s.AtSeconds, 1)).ToArray();
        return new ProbeResult(samples.Count, Percentiles.Of(sorted, 0.5), Percentiles.Of(sorted, 0.99), sorted.Length > 0 ? sorted[^1] : 0,
            stalls.Length, stalls);
    }
}
