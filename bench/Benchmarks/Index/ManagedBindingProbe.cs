using System.Diagnostics;
using Cloud.Unum.USearch;

namespace AccessGrid.Benchmarks.Index;

/// <summary>The same index through the package's managed USearchIndex, as a first integration would use it: one Add
/// per template (capacity grows one slot per call) and Search(float[]) allocating its result arrays.</summary>
public static class ManagedBindingProbe
{
    public static IEnumerable<SweepResult> Run(IndexDataset data, HnswSettings settings, int ef, bool batchAdd)
    {
        using var index = new USearchIndex(settings.Metric, settings.Quantization, (ulong)data.Base.Dimensions,
            (ulong)settings.Connectivity, (ulong)settings.ExpansionAdd, (ulong)ef);
        var rows = Enumerable.Range(0, data.Base.Count).Select(r => data.Base[r].ToArray()).ToArray();
        var clock = Stopwatch.StartNew();
        var (_, buildCpuSeconds) = CpuClock.Measure(() =>
        {
            if (batchAdd) index.Add(rows.Select((_, r) => (ulong)r).ToArray(), rows);
            else for (int r = 0; r < rows.Length; r++) index.Add((ulong)r, rows[r]);
            return 0;
        });
        double buildSeconds = clock.Elapsed.TotalSeconds;

        var queries = Enumerable.Range(0, data.Queries.Count).Select(q => data.Queries[q].ToArray()).ToArray();
        var found = new int[queries.Length];
        for (int q = 0; q < Math.Min(200, queries.Length); q++) found[q] = Nearest(q);
        var (us, cpuUs) = QueryClock.Measure(queries.Length, () =>
        {
            for (int q = 0; q < queries.Length; q++) found[q] = Nearest(q);
        });
        yield return new SweepResult("usearch", $"managed {settings} {(batchAdd ? "batch" : "single")}-add", data.Name,
            data.Base.Count, 1, buildSeconds, 0, ef, Recall.AtOne(found, data.Truth), us, cpuUs) { BuildCpuSeconds = buildCpuSeconds };

        int Nearest(int q)
        {
            index.Search(queries[q], 1, out var keys, out _);
            return keys.Length > 0 ? (int)keys[0] : -1;
        }
    }
}
