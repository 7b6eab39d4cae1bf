using Cloud.Unum.USearch;
using static AccessGrid.Benchmarks.Index.USearchNative;

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

/// <summary>A USearch HNSW index driven through the C API: capacity reserved up front (the managed wrapper grows
/// it one slot per Add), queries without allocation, expansion adjustable after the build. Keys are caller ids.</summary>
public sealed unsafe class HnswIndex : IDisposable
{
    private nint _handle;

    public HnswIndex(int dimensions, HnswSettings settings, int capacity, int threads)
    {
        Dimensions = dimensions;
        Settings = settings;
        var options = new InitOptions
        {
            MetricKind = (uint)settings.Metric,
            Quantization = (uint)settings.Quantization,
            Dimensions = (nuint)dimensions,
            Connectivity = (nuint)settings.Connectivity,
            ExpansionAdd = (nuint)settings.ExpansionAdd,
            ExpansionSearch = (nuint)settings.ExpansionSearch,
        };
        _handle = Init(ref options, out var error);
        ThrowIfError(error, "init");
        ChangeThreadsAdd(_handle, (nuint)threads, out error);
        ThrowIfError(error, "change_threads_add");
        ChangeThreadsSearch(_handle, (nuint)threads, out error);
        ThrowIfError(error, "change_threads_search");
        Reserve(capacity);
    }

    public int Dimensions { get; }
    public HnswSettings Settings { get; }

    public long Count
    {
        get { var n = Size(Handle, out var error); ThrowIfError(error, "size"); return (long)n; }
    }

    /// <summary>Bytes held by the graph and the vectors, as USearch accounts them.</summary>
    public long MemoryBytes
    {
        get { var n = MemoryUsage(Handle, out var error); ThrowIfError(error, "memory_usage"); return (long)n; }
    }

    public string Simd
    {
        get
        {
            var s = HardwareAcceleration(Handle, out var error);
            ThrowIfError(error, "hardware_acceleration");
            return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(s) ?? "";
        }
    }

    /// <summary>Room for <paramref name="capacity"/> vectors in total: adds within it never reallocate.</summary>
    public void Reserve(int capacity)
    {
        USearchNative.Reserve(Handle, (nuint)capacity, out var error);
        ThrowIfError(error, "reserve");
    }

    public void SetExpansionSearch(int expansion)
    {
        ChangeExpansionSearch(Handle, (nuint)expansion, out var error);
        ThrowIfError(error, "change_expansion_search");
    }

    /// <summary>Thread-safe within the reserved capacity and thread count.</summary>
    public void Add(ulong key, ReadOnlySpan<float> vector)
    {
        CheckDimensions(vector);
        fixed (float* v = vector)
        {
            USearchNative.Add(Handle, key, v, (uint)ScalarKind.Float32, out var error);
            ThrowIfError(error, "add");
        }
    }

    /// <summary>Fills up to keys.Length nearest keys, closest first; returns how many were found.</summary>
    public int Search(ReadOnlySpan<float> query, Span<ulong> keys, Span<float> distances)
    {
        CheckDimensions(query);
        if (distances.Length < keys.Length) throw new ArgumentException("distances is shorter than keys.");
        fixed (float* q = query)
        fixed (ulong* k = keys)
        fixed (float* d = distances)
        {
            var found = USearchNative.Search(Handle, q, (uint)ScalarKind.Float32, (nuint)keys.Length, k, d, out var error);
            ThrowIfError(error, "search");
            return (int)found;
        }
    }

    public void Save(string path)
    {
        USearchNative.Save(Handle, path, out var error);
        ThrowIfError(error, "save");
    }

    /// <summary>Replaces the contents with an index saved by <see cref="Save"/> (same settings).</summary>
    public void Load(string path)
    {
        USearchNative.Load(Handle, path, out var error);
        ThrowIfError(error, "load");
    }

    public void Dispose()
    {
        if (_handle == 0) return;
        Free(_handle, out _);
        _handle = 0;
    }

    private nint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(HnswIndex));

    private void CheckDimensions(ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions) throw new ArgumentException($"Vector has {vector.Length} dimensions, index has {Dimensions}.");
    }
}
