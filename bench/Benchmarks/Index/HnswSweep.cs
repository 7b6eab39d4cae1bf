using System.Diagnostics;

namespace AccessGrid.Benchmarks.Index;

/// <summary>Builds a variant once, then walks expansion_search upwards and records recall@1 and latency of single
/// queries, one at a time, as a door decision issues them.</summary>
public static class HnswSweep
{
    public static IEnumerable<SweepResult> Run(IndexDataset data, HnswVariant variant, IReadOnlyList<int> efs, int buildThreads, double stopAtRecall = 0.9995)
    {
        var ((shards, buildSeconds), buildCpuSeconds) = CpuClock.Measure(() => Build(data, variant, buildThreads));
        var label = buildThreads > 1 && variant.Shards == 1 ? $"{variant.Name} built-by-{buildThreads}-threads" : variant.Name;
        try
        {
            double memoryMb = shards.Sum(s => s.MemoryBytes) / 1048576.0;
            var found = new int[data.Queries.Count];
            foreach (var ef in efs)
            {
                foreach (var shard in shards) shard.SetExpansionSearch(ef);
                var searcher = new Searcher(data, variant, shards);
                for (int q = 0; q < Math.Min(200, found.Length); q++) found[q] = searcher.Nearest(q); // warm-up
                var (us, cpuUs) = QueryClock.Measure(found.Length, () =>
                {
                    for (int q = 0; q < found.Length; q++) found[q] = searcher.Nearest(q);
                });
                var recall = Recall.AtOne(found, data.Truth);
                yield return new SweepResult("usearch", label, data.Name, data.Base.Count, variant.Shards, buildSeconds, memoryMb, ef, recall, us, cpuUs)
                    { BuildCpuSeconds = buildCpuSeconds };
                if (recall >= stopAtRecall) break;
            }
        }
        finally
        {
            foreach (var shard in shards) shard.Dispose();
        }
    }

    /// <summary>Rows go round-robin to shards. One writer per shard: concurrent adds into one USearch 2.26 index
    /// through its C API leave some nodes unreachable (recall stalls below 1 at any ef), so only separate shards are
    /// built in parallel, and <paramref name="threads"/> &gt; 1 is kept only to show that effect.</summary>
    public static (HnswIndex[] Shards, double Seconds) Build(IndexDataset data, HnswVariant variant, int threads)
    {
        int n = data.Base.Count, s = variant.Shards;
        var shards = Enumerable.Range(0, s)
            .Select(i => new HnswIndex(data.Base.Dimensions, variant.Settings, (n + s - 1) / s, Math.Max(threads, 2)))
            .ToArray();
        var clock = Stopwatch.StartNew();
        if (s > 1)
            Parallel.For(0, s, new ParallelOptions { MaxDegreeOfParallelism = s }, shard =>
            {
                for (int r = shard; r < n; r += s) shards[shard].Add((ulong)r, data.Base[r]);
            });
        else
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = threads }, r => shards[0].Add((ulong)r, data.Base[r]));
        return (shards, clock.Elapsed.TotalSeconds);
    }

    /// <summary>One query through the variant: per-shard HNSW search, optional exact re-rank, merge.</summary>
    private sealed class Searcher(IndexDataset data, HnswVariant variant, HnswIndex[] shards)
    {
        private readonly ulong[][] _keys = shards.Select(_ => new ulong[Math.Max(1, variant.Rerank)]).ToArray();
        private readonly float[][] _distances = shards.Select(_ => new float[Math.Max(1, variant.Rerank)]).ToArray();
        private readonly (int Row, float Distance)[] _best = new (int, float)[shards.Length];

        public int Nearest(int query)
        {
            if (shards.Length == 1) return SearchShard(query, 0).Row;
            Parallel.For(0, shards.Length, s => _best[s] = SearchShard(query, s));
            var best = _best[0];
            for (int s = 1; s < _best.Length; s++) if (_best[s].Distance < best.Distance) best = _best[s];
            return best.Row;
        }

        private (int Row, float Distance) SearchShard(int query, int shard)
        {
            var q = data.Queries[query];
            int found = shards[shard].Search(q, _keys[shard], _distances[shard]);
            if (found == 0) return (-1, float.MaxValue);
            if (variant.Rerank == 0) return ((int)_keys[shard][0], _distances[shard][0]);
            // Quantised graphs order candidates approximately: the exact float32 distance decides.
            var best = (Row: -1, Distance: float.MaxValue);
            for (int i = 0; i < found; i++)
            {
                int row = (int)_keys[shard][i];
                float d = 1f - System.Numerics.Tensors.TensorPrimitives.Dot(data.Base[row], q);
                if (d < best.Distance) best = (row, d);
            }
            return best;
        }
    }
}
