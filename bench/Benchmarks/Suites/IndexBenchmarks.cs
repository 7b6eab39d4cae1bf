using AccessGrid.Benchmarks.Index;
using BenchmarkDotNet.Attributes;

namespace AccessGrid.Benchmarks.Suites;

/// <summary>1:K at 10k, 100k and 1M templates: USearch HNSW (inner product on normalised vectors, M=32, efC=200)
/// against the exact SIMD scan; adding 1,000 templates to a full index. Recall@1 of each setting comes from
/// `index sweep` on the same vectors (`vectors synth` writes synth-10k, synth-100k, synth-1m).</summary>
[MemoryDiagnoser]
public class IndexBenchmarks
{
    private const int AddedPerIteration = 1000;
    private IndexDataset _data = null!;
    private HnswIndex _index = null!;
    private ExactScanIndex _exact = null!;
    private string _snapshot = null!;
    private readonly ulong[] _keys = new ulong[1];
    private readonly float[] _distances = new float[1];
    private int _next;

    /// <summary>synth-10k and synth-100k always (their graphs take seconds to build and are then kept); synth-1m only
    /// once its graph is saved, because building it here takes ≈ 45 min of one core:
    /// `index sweep --dataset synth-1m --variants ip --save`.</summary>
    public static IEnumerable<string> Datasets() =>
        new[] { "synth-10k", "synth-100k", "synth-1m" }.Where(d => d != "synth-1m" || File.Exists(BenchPaths.IndexSnapshot(d, Settings)));

    private const string Settings = "ip-m32-efc200";

    [ParamsSource(nameof(Datasets))]
    public string Dataset { get; set; } = "";

    /// <summary>Search expansion: 64 is USearch's default; see the sweep for the recall each one buys.</summary>
    [Params(16, 64)]
    public int Ef { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = IndexDataset.Load(BenchPaths.Vectors, Dataset);
        _exact = new ExactScanIndex(_data.Base);
        _snapshot = BenchPaths.IndexSnapshot(Dataset, Settings); // `index sweep --variants ip --save` writes it too
        _index = LoadOrBuild(_data.Base.Count + AddedPerIteration * 64);
        _index.SetExpansionSearch(Ef);
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    [Benchmark]
    public ulong SearchHnsw()
    {
        var q = _data.Queries[_next++ % _data.Queries.Count];
        _index.Search(q, _keys, _distances);
        return _keys[0];
    }

    [Benchmark]
    public int SearchExact() => _exact.Nearest(_data.Queries[_next++ % _data.Queries.Count]).Row;

    [IterationSetup(Target = nameof(AddHnsw))]
    public void ReloadForAdd()
    {
        _index.Dispose();
        _index = LoadOrBuild(_data.Base.Count + AddedPerIteration);
    }

    /// <summary>One thread, one template at a time, as enrollment does; re-adds queries under fresh keys.</summary>
    [Benchmark(OperationsPerInvoke = AddedPerIteration)]
    public void AddHnsw()
    {
        ulong key = (ulong)_data.Base.Count;
        for (int i = 0; i < AddedPerIteration; i++) _index.Add(key++, _data.Queries[i % _data.Queries.Count]);
    }

    private HnswIndex LoadOrBuild(int capacity)
    {
        var settings = new HnswSettings();
        var index = new HnswIndex(_data.Base.Dimensions, settings, capacity, Environment.ProcessorCount);
        if (File.Exists(_snapshot))
        {
            index.Load(_snapshot);
            index.Reserve(capacity);
            return index;
        }
        for (int r = 0; r < _data.Base.Count; r++) index.Add((ulong)r, _data.Base[r]); // one writer: see HnswSweep.Build
        Directory.CreateDirectory(Path.GetDirectoryName(_snapshot)!);
        index.Save(_snapshot);
        return index;
    }
}
