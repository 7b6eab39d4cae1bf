using System.Diagnostics;

namespace AccessGrid.Benchmarks.Index;

/// <summary>Builds a variant once, then walks expansion_search upwards and records recall@1 and latency of single
/// queries, one at a time, as a door decision issues them.</summary>
public static class HnswSweep
{
    /// <param name="savePath">Where to keep a one-shard graph once built (the BenchmarkDotNet suite loads it).</param>
    public static IEnumerable<SweepResult> Run(IndexDataset data, HnswVariant variant, IReadOnlyList<int> efs, int buildThreads,
        double stopAtRecall = 0.9995, string? savePath = null)
    {
        var ((shards, buildSeconds), buildCpuSeconds) = CpuClock.Measure(() => Build(data, variant, buildThreads));
        if (savePath is not null && shards.Length == 1)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(savePath)!);
            shards[0].Save(savePath);
        }
        var label = buildThreads > 1 && variant.Shards == 1 ? $"{variant.Name} built-by-{buildThreads}-threads" : variant.Name;
        try
        {
            double memoryMb = shards.Sum(s => s.MemoryBytes) / 1048576.0;
            var found = new int[data.Queries.Count];
            foreach (var ef in efs)
            {
                foreach (var shard in shards) shard.SetExpansionSearch(ef);
                using var searcher = new Searcher(data, variant, shards);
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

    /// <summary>One query through the variant: per-shard HNSW search, optional exact re-rank, merge. Shards past the
    /// first are searched by dedicated threads that spin briefly between queries: handing a 200 µs search to the
    /// shared thread pool costs more than the split saves.</summary>
    private sealed class Searcher : IDisposable
    {
        private readonly IndexDataset _data;
        private readonly HnswVariant _variant;
        private readonly HnswIndex[] _shards;
        private readonly ulong[][] _keys;
        private readonly float[][] _distances;
        private readonly (int Row, float Distance)[] _best;
        private readonly ManualResetEventSlim[] _go, _done;
        private volatile bool _stopping;
        private int _query;

        public Searcher(IndexDataset data, HnswVariant variant, HnswIndex[] shards)
        {
            (_data, _variant, _shards) = (data, variant, shards);
            _keys = shards.Select(_ => new ulong[Math.Max(1, variant.Rerank)]).ToArray();
            _distances = shards.Select(_ => new float[Math.Max(1, variant.Rerank)]).ToArray();
            _best = new (int, float)[shards.Length];
            _go = shards.Select(_ => new ManualResetEventSlim(false, 2047)).ToArray();
            _done = shards.Select(_ => new ManualResetEventSlim(false, 2047)).ToArray();
            for (int s = 1; s < shards.Length; s++)
            {
                int shard = s;
                new Thread(() => Serve(shard)) { IsBackground = true, Name = $"shard-{shard}" }.Start();
            }
        }

        public int Nearest(int query)
        {
            if (_shards.Length == 1) return SearchShard(query, 0).Row;
            _query = query;
            for (int s = 1; s < _shards.Length; s++) _go[s].Set();
            _best[0] = SearchShard(query, 0);
            var best = _best[0];
            for (int s = 1; s < _shards.Length; s++)
            {
                _done[s].Wait();
                _done[s].Reset();
                if (_best[s].Distance < best.Distance) best = _best[s];
            }
            return best.Row;
        }

        public void Dispose()
        {
            _stopping = true;
            foreach (var go in _go) go.Set();
        }

        private void Serve(int shard)
        {
            while (true)
            {
                _go[shard].Wait();
                _go[shard].Reset();
                if (_stopping) return;
                _best[shard] = SearchShard(_query, shard);
                _done[shard].Set();
            }
        }

        private (int Row, float Distance) SearchShard(int query, int shard)
        {
            var q = _data.Queries[query];
            int found = _shards[shard].Search(q, _keys[shard], _distances[shard]);
            if (found == 0) return (-1, float.MaxValue);
            if (_variant.Rerank == 0) return ((int)_keys[shard][0], _distances[shard][0]);
            // Quantised graphs order candidates approximately: the exact float32 distance decides.
            var best = (Row: -1, Distance: float.MaxValue);
            for (int i = 0; i < found; i++)
            {
                int row = (int)_keys[shard][i];
                float d = 1f - System.Numerics.Tensors.TensorPrimitives.Dot(_data.Base[row], q);
                if (d < best.Distance) best = (row, d);
            }
            return best;
        }
    }
}
