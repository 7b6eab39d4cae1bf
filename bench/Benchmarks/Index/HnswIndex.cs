using Cloud.Unum.USearch;
using AccessGrid.Grains;

namespace AccessGrid.Benchmarks.Index;

/// <summary>HNSW settings: the graph (connectivity, expansion on add) is fixed at build; expansion on search can move.</summary>
public sealed record HnswSettings(
    MetricKind Metric = MetricKind.Ip,
    ScalarKind Quantization = ScalarKind.Float32,
    int Connectivity = 32,
    int ExpansionAdd = 200,
    int ExpansionSearch = 64)
{
    public override string ToString() => $"{Metric}/{Quantization} M={Connectivity} efC={ExpansionAdd}";
}

/// <summary>A USearch HNSW graph with its settings, through the product's C-API binding (<see cref="NativeHnsw"/>):
/// capacity reserved up front (the managed wrapper grows it one slot per Add), queries without allocation, expansion
/// adjustable after the build. Keys are caller ids.</summary>
public sealed class HnswIndex : IDisposable
{
    private readonly NativeHnsw _graph;

    public HnswIndex(int dimensions, HnswSettings settings, int capacity, int threads)
    {
        Settings = settings;
        _graph = new NativeHnsw(settings.Metric, settings.Quantization, dimensions, settings.Connectivity,
            settings.ExpansionAdd, settings.ExpansionSearch, threads);
        Reserve(capacity);
    }

    public int Dimensions => _graph.Dimensions;
    public HnswSettings Settings { get; }
    public long Count => _graph.Count;

    /// <summary>Bytes held by the graph and the vectors, as USearch accounts them.</summary>
    public long MemoryBytes => _graph.MemoryBytes;

    public string Simd => _graph.Simd;

    /// <summary>Room for <paramref name="capacity"/> vectors in total: adds within it never reallocate.</summary>
    public void Reserve(int capacity) => _graph.Reserve(capacity);

    public void SetExpansionSearch(int expansion) => _graph.ExpansionSearch = expansion;

    /// <summary>Thread-safe within the reserved capacity and thread count.</summary>
    public void Add(ulong key, ReadOnlySpan<float> vector) => _graph.Add(key, vector);

    /// <summary>Fills up to keys.Length nearest keys, closest first; returns how many were found.</summary>
    public int Search(ReadOnlySpan<float> query, Span<ulong> keys, Span<float> distances) => _graph.Search(query, keys, distances);

    public void Save(string path) => _graph.Save(path);

    /// <summary>Replaces the contents with an index saved by <see cref="Save"/> (same settings).</summary>
    public void Load(string path) => _graph.Load(path);

    public void Dispose() => _graph.Dispose();
}
