using System.Runtime.InteropServices;
using Cloud.Unum.USearch;

namespace AccessGrid.Grains;

/// <summary>A USearch HNSW graph driven through the C API of the libusearch_c that the Cloud.Unum.USearch package
/// ships (found in the package's runtimes/ folder like any native NuGet asset; it needs libgomp1). The package's
/// managed wrapper lacks reserve and run-time expansion and allocates two arrays per query; going direct makes a
/// query allocation-free and lets each query choose its own expansion (docs/benchmarks.md). Keys are the caller's
/// ids. Not thread-safe beyond what USearch itself allows: callers serialise writes.</summary>
internal sealed unsafe partial class NativeHnsw : IDisposable
{
    private nint _handle;
    private int _expansionSearch;

    /// <param name="threads">Threads that may add or search at once (USearch keeps a context per thread).</param>
    public NativeHnsw(MetricKind metric, ScalarKind quantization, int dimensions, int connectivity, int expansionAdd,
        int expansionSearch, int threads = 1)
    {
        Dimensions = dimensions;
        var options = new InitOptions
        {
            MetricKind = (uint)metric,
            Quantization = (uint)quantization,
            Dimensions = (nuint)dimensions,
            Connectivity = (nuint)connectivity,
            ExpansionAdd = (nuint)expansionAdd,
            ExpansionSearch = (nuint)expansionSearch,
        };
        _handle = Init(ref options, out var error);
        Check(error, "init");
        _expansionSearch = expansionSearch;
        ChangeThreadsAdd(_handle, (nuint)threads, out error);
        Check(error, "change_threads_add");
        ChangeThreadsSearch(_handle, (nuint)threads, out error);
        Check(error, "change_threads_search");
    }

    public int Dimensions { get; }

    /// <summary>Vectors in the graph (removed ones excluded).</summary>
    public long Count => (long)Call(Size(Handle, out var error), error, "size");

    /// <summary>Vectors the graph holds without reallocating.</summary>
    public long Capacity => (long)Call(NativeCapacity(Handle, out var error), error, "capacity");

    /// <summary>Bytes held by the graph and its vectors, as USearch accounts them.</summary>
    public long MemoryBytes => (long)Call(MemoryUsage(Handle, out var error), error, "memory_usage");

    /// <summary>The SIMD kernels USearch picked on this CPU (e.g. "skylake", "sapphire").</summary>
    public string Simd => Marshal.PtrToStringUTF8(Call(HardwareAcceleration(Handle, out var error), error, "hardware_acceleration")) ?? "";

    /// <summary>Room for <paramref name="capacity"/> vectors in total: adds within it never reallocate (the C API
    /// refuses an add beyond capacity).</summary>
    public void Reserve(long capacity)
    {
        NativeReserve(Handle, (nuint)capacity, out var error);
        Check(error, "reserve");
    }

    /// <summary>Candidates kept while walking the graph on a search: more is slower and closer to exact. Settable per
    /// query; the call is skipped when it does not change.</summary>
    public int ExpansionSearch
    {
        get => _expansionSearch;
        set
        {
            if (value == _expansionSearch) return;
            ChangeExpansionSearch(Handle, (nuint)value, out var error);
            Check(error, "change_expansion_search");
            _expansionSearch = value;
        }
    }

    /// <summary>Adds a vector; grows the capacity by half when full, so a caller need not reserve.</summary>
    public void Add(ulong key, ReadOnlySpan<float> vector)
    {
        CheckDimensions(vector);
        if (Count >= Capacity) Reserve(Math.Max(64, Capacity + Capacity / 2));
        fixed (float* v = vector)
        {
            NativeAdd(Handle, key, v, (uint)ScalarKind.Float32, out var error);
            Check(error, "add");
        }
    }

    public bool Contains(ulong key)
    {
        var found = NativeContains(Handle, key, out var error);
        Check(error, "contains");
        return found;
    }

    /// <summary>Removes a key; returns how many vectors it had (0 when absent).</summary>
    public int Remove(ulong key) => (int)Call(NativeRemove(Handle, key, out var error), error, "remove");

    /// <summary>Fills up to keys.Length nearest keys, closest first; returns how many were found. No allocation.</summary>
    public int Search(ReadOnlySpan<float> query, Span<ulong> keys, Span<float> distances)
    {
        CheckDimensions(query);
        if (distances.Length < keys.Length) throw new ArgumentException("distances is shorter than keys.");
        fixed (float* q = query)
        fixed (ulong* k = keys)
        fixed (float* d = distances)
            return (int)Call(NativeSearch(Handle, q, (uint)ScalarKind.Float32, (nuint)keys.Length, k, d, out var error), error, "search");
    }

    public void Save(string path)
    {
        NativeSave(Handle, path, out var error);
        Check(error, "save");
    }

    /// <summary>Replaces the contents with a graph saved by <see cref="Save"/>.</summary>
    public void Load(string path)
    {
        NativeLoad(Handle, path, out var error);
        Check(error, "load");
    }

    public void Dispose()
    {
        if (_handle == 0) return;
        Free(_handle, out _);
        _handle = 0;
    }

    private nint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(NativeHnsw));

    private void CheckDimensions(ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions) throw new ArgumentException($"Vector has {vector.Length} dimensions, the graph {Dimensions}.");
    }

    private static T Call<T>(T result, nint error, string operation)
    {
        Check(error, operation);
        return result;
    }

    private static void Check(nint error, string operation)
    {
        if (error != 0) throw new USearchException($"usearch_{operation}: {Marshal.PtrToStringUTF8(error)}");
    }

    // The C API of USearch 2.x (c/usearch.h); errors come back as a static message pointer, 0 when none.
    private const string Library = "libusearch_c";

    /// <summary>usearch_init_options_t.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct InitOptions
    {
        public uint MetricKind;
        public nint Metric;
        public uint Quantization;
        public nuint Dimensions;
        public nuint Connectivity;
        public nuint ExpansionAdd;
        public nuint ExpansionSearch;
        public byte Multi;
    }

    [LibraryImport(Library, EntryPoint = "usearch_init")]
    private static partial nint Init(ref InitOptions options, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_free")]
    private static partial void Free(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_reserve")]
    private static partial void NativeReserve(nint index, nuint capacity, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_size")]
    private static partial nuint Size(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_capacity")]
    private static partial nuint NativeCapacity(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_memory_usage")]
    private static partial nuint MemoryUsage(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_hardware_acceleration")]
    private static partial nint HardwareAcceleration(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_expansion_search")]
    private static partial void ChangeExpansionSearch(nint index, nuint expansion, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_threads_add")]
    private static partial void ChangeThreadsAdd(nint index, nuint threads, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_threads_search")]
    private static partial void ChangeThreadsSearch(nint index, nuint threads, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_add")]
    private static partial void NativeAdd(nint index, ulong key, float* vector, uint vectorKind, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_contains")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static partial bool NativeContains(nint index, ulong key, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_remove")]
    private static partial nuint NativeRemove(nint index, ulong key, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_search")]
    private static partial nuint NativeSearch(nint index, float* query, uint queryKind, nuint count, ulong* keys, float* distances, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_save", StringMarshalling = StringMarshalling.Utf8)]
    private static partial void NativeSave(nint index, string path, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_load", StringMarshalling = StringMarshalling.Utf8)]
    private static partial void NativeLoad(nint index, string path, out nint error);
}
