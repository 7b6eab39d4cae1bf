namespace AccessGrid.Benchmarks.Index;

/// <summary>Latency of the exact scan on the same queries: one core, and split over every core.</summary>
public static class ExactSweep
{
    public static IEnumerable<SweepResult> Run(IndexDataset data, int maxQueries = 500)
    {
        var scan = new ExactScanIndex(data.Base);
        int n = Math.Min(maxQueries, data.Queries.Count);
        foreach (var partitions in new[] { 1, Environment.ProcessorCount }.Distinct())
        {
            var found = new int[n];
            var queries = Enumerable.Range(0, n).Select(q => data.Queries[q].ToArray()).ToArray();
            for (int q = 0; q < Math.Min(20, n); q++) found[q] = scan.NearestParallel(queries[q], partitions).Row;
            var (us, cpuUs) = QueryClock.Measure(n, () =>
            {
                for (int q = 0; q < n; q++)
                    found[q] = partitions == 1 ? scan.Nearest(queries[q]).Row : scan.NearestParallel(queries[q], partitions).Row;
            });
            var recall = Recall.AtOne(found, data.Truth.AsSpan(0, n));
            yield return new SweepResult("exact", $"simd-scan x{partitions}", data.Name, data.Base.Count, partitions, 0,
                data.Base.Data.Length * 4 / 1048576.0, 0, recall, us, cpuUs);
        }
    }
}
