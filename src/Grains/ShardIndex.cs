using System.Numerics.Tensors;
using Cloud.Unum.USearch;

namespace AccessGrid.Grains;

/// <summary>The in-memory index of one shard: an HNSW graph (USearch through its C API, cosine on int8-quantised
/// vectors: small and fast) to find candidates, and the exact float32 vectors in one flat slab to re-rank them.
/// Not thread-safe: the shard grain serialises every call.</summary>
public sealed class ShardIndex : IDisposable
{
    public const int Dimensions = 128;

    // HNSW parameters: 16 links per node keeps the graph near 130 bytes per vector; expansion 64 on add gives
    // recall ≈ 1 on face encodings (docs/benchmarks.md).
    private const int Connectivity = 16, ExpansionAdd = 64;

    // The graph is built on quantised vectors, so fetch more candidates than asked and let the exact distances decide.
    private const int MinCandidates = 64, CandidatesPerResult = 4;

    // Each query walks the graph with 1.5× as many candidates as it fetches (96 for the usual 64): enough for
    // recall ≈ 1 on face encodings, and a large k pays for its own wider walk instead of every query paying for it.
    private const int MaxExpansion = 4096;

    private NativeHnsw _graph;
    private ulong[] _foundKeys = new ulong[MinCandidates];
    private float[] _foundDistances = new float[MinCandidates];
    private float[] _vectors = new float[64 * Dimensions];
    private string?[] _owners = new string?[64];
    private Guid[] _templateIds = new Guid[64];
    private readonly Stack<int> _freeSlots = new();
    private readonly Dictionary<string, List<int>> _slotsByStaff = new(StringComparer.Ordinal);
    private int _highWater;

    // Entries removed from the graph since it was built: USearch's remove only marks them deleted, and a saved graph
    // still holds their int8 vectors, so the graph is rebuilt from the live slots before it is written again.
    private int _removedFromGraph;

    public ShardIndex() => _graph = NewGraph();

    private ShardIndex(NativeHnsw graph) => _graph = graph;

    public int Templates { get; private set; }

    public int Identities => _slotsByStaff.Count;

    public IEnumerable<string> StaffIds => _slotsByStaff.Keys;

    /// <summary>Bytes held by the exact vectors and their owners, plus the graph as last measured by a snapshot.</summary>
    public long ApproximateBytes => (long)_vectors.Length * sizeof(float) + _owners.Length * (IntPtr.Size + 16) + GraphBytes;

    /// <summary>Serialised size of the graph at the last snapshot (its in-memory size is close to it).</summary>
    public long GraphBytes { get; private set; }

    public bool Contains(string staffId) => _slotsByStaff.ContainsKey(staffId);

    /// <summary>Replaces every template of a person; an empty list removes them.</summary>
    public void SetTemplates(string staffId, IReadOnlyList<FaceTemplate> templates)
    {
        foreach (var t in templates) CheckVector(t.Embedding);
        // Templates that stay (an enrollment re-adds the person's others) do not make the graph need a compaction.
        Remove(staffId, kept: [.. templates.Select(t => t.TemplateId)]);
        if (templates.Count == 0) return;
        var slots = new List<int>(templates.Count);
        foreach (var t in templates)
        {
            var slot = TakeSlot();
            t.Embedding.CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
            _owners[slot] = staffId;
            _templateIds[slot] = t.TemplateId;
            _graph.Add((ulong)slot, t.Embedding);
            slots.Add(slot);
        }
        _slotsByStaff[staffId] = slots;
        Templates += slots.Count;
    }

    /// <summary>Removes a person; false when absent.</summary>
    public bool RemoveStaff(string staffId) => Remove(staffId, kept: []);

    private bool Remove(string staffId, HashSet<Guid> kept)
    {
        if (!_slotsByStaff.Remove(staffId, out var slots)) return false;
        foreach (var slot in slots)
        {
            _graph.Remove((ulong)slot);
            if (!kept.Contains(_templateIds[slot])) _removedFromGraph++;
            _vectors.AsSpan(slot * Dimensions, Dimensions).Clear(); // erased means erased, not just unreachable
            _owners[slot] = null;
            _templateIds[slot] = Guid.Empty;
            _freeSlots.Push(slot);
        }
        Templates -= slots.Count;
        return true;
    }

    /// <summary>The <paramref name="k"/> nearest people, each with their nearest template and its exact Euclidean distance.</summary>
    public IndexHit[] Search(float[] query, int k)
    {
        CheckVector(query);
        if (k <= 0 || Templates == 0) return [];
        var wanted = Math.Min(Templates, Math.Max(MinCandidates, k * CandidatesPerResult));
        if (_foundKeys.Length < wanted)
        {
            _foundKeys = new ulong[wanted];
            _foundDistances = new float[wanted];
        }
        _graph.ExpansionSearch = Expansion(wanted);
        var found = _graph.Search(query, _foundKeys.AsSpan(0, wanted), _foundDistances);
        var best = new Dictionary<string, IndexHit>(StringComparer.Ordinal);
        for (var i = 0; i < found; i++)
        {
            var slot = (int)_foundKeys[i];
            var owner = _owners[slot];
            if (owner is null) continue;
            var distance = TensorPrimitives.Distance(query, _vectors.AsSpan(slot * Dimensions, Dimensions));
            if (!best.TryGetValue(owner, out var hit) || distance < hit.Distance)
                best[owner] = new IndexHit(owner, _templateIds[slot], distance);
        }
        return [.. best.Values.OrderBy(h => h.Distance).Take(k)];
    }

    /// <summary>The search expansion for a query that fetches <paramref name="candidates"/> keys.</summary>
    internal static int Expansion(int candidates) => Math.Clamp(candidates + candidates / 2, MinCandidates, MaxExpansion);

    /// <summary>True when the graph still carries removed entries (marked deleted, not gone).</summary>
    public bool HoldsRemovedEntries => _removedFromGraph > 0;

    /// <summary>Rebuilds the graph from the live slots only, so that no removed vector remains in memory or in a
    /// later snapshot. Costs one insertion per live template (about a second per 10,000 on one core).</summary>
    public void Compact()
    {
        var graph = NewGraph();
        try
        {
            foreach (var slots in _slotsByStaff.Values)
                foreach (var slot in slots) graph.Add((ulong)slot, _vectors.AsSpan(slot * Dimensions, Dimensions));
        }
        catch
        {
            graph.Dispose();
            throw;
        }
        _graph.Dispose();
        _graph = graph;
        _removedFromGraph = 0;
    }

    /// <summary>The exact vectors and owners, then the graph, in one stream. A graph holding removed entries is
    /// compacted first: erased means never written again.</summary>
    public void WriteSnapshot(Stream output, long generation)
    {
        if (HoldsRemovedEntries) Compact();
        var graphFile = Path.GetTempFileName();
        try
        {
            _graph.Save(graphFile);
            GraphBytes = new FileInfo(graphFile).Length;
            using var writer = new BinaryWriter(output, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(SnapshotMagic);
            writer.Write(generation);
            writer.Write(_slotsByStaff.Count);
            foreach (var (staffId, slots) in _slotsByStaff)
            {
                writer.Write(staffId);
                writer.Write(slots.Count);
                foreach (var slot in slots)
                {
                    writer.Write(slot);
                    writer.Write(_templateIds[slot].ToByteArray());
                    foreach (var v in _vectors.AsSpan(slot * Dimensions, Dimensions)) writer.Write(v);
                }
            }
            writer.Write(GraphBytes);
            writer.Flush();
            using var graph = File.OpenRead(graphFile);
            graph.CopyTo(output);
        }
        finally
        {
            File.Delete(graphFile);
        }
    }

    /// <summary>Reads a snapshot; null when it is not one (corrupt or another format), so the caller rebuilds.</summary>
    public static (ShardIndex Index, long Generation)? ReadSnapshot(Stream input)
    {
        var graphFile = Path.GetTempFileName();
        try
        {
            using var reader = new BinaryReader(input, System.Text.Encoding.UTF8, leaveOpen: true);
            if (reader.ReadInt64() != SnapshotMagic) return null;
            var generation = reader.ReadInt64();
            var people = reader.ReadInt32();
            var entries = new List<(string Staff, int Slot, Guid Template, float[] Vector)>();
            for (var p = 0; p < people; p++)
            {
                var staffId = reader.ReadString();
                var count = reader.ReadInt32();
                for (var i = 0; i < count; i++)
                {
                    var slot = reader.ReadInt32();
                    var template = new Guid(reader.ReadBytes(16));
                    var vector = new float[Dimensions];
                    for (var d = 0; d < Dimensions; d++) vector[d] = reader.ReadSingle();
                    entries.Add((staffId, slot, template, vector));
                }
            }
            var graphBytes = reader.ReadInt64();
            using (var file = File.Create(graphFile)) CopyExactly(input, file, graphBytes);
            var index = new ShardIndex(NewGraph()) { GraphBytes = graphBytes };
            try
            {
                index._graph.Load(graphFile);
                index.Restore(entries);
            }
            catch
            {
                index.Dispose();
                throw;
            }
            return (index, generation);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or USearchException or ArgumentException)
        {
            return null;
        }
        finally
        {
            File.Delete(graphFile);
        }
    }

    /// <summary>Fills the slab from a snapshot whose graph already holds these slots as keys.</summary>
    private void Restore(List<(string Staff, int Slot, Guid Template, float[] Vector)> entries)
    {
        var top = entries.Count == 0 ? 0 : entries.Max(e => e.Slot) + 1;
        EnsureCapacity(top);
        var used = new bool[top];
        foreach (var (staff, slot, template, vector) in entries)
        {
            if (!_graph.Contains((ulong)slot)) throw new ArgumentException("Snapshot graph and vectors disagree.");
            vector.CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
            _owners[slot] = staff;
            _templateIds[slot] = template;
            used[slot] = true;
            if (!_slotsByStaff.TryGetValue(staff, out var slots)) _slotsByStaff[staff] = slots = [];
            slots.Add(slot);
        }
        Templates = entries.Count;
        _highWater = top;
        for (var slot = top - 1; slot >= 0; slot--) if (!used[slot]) _freeSlots.Push(slot);
    }

    private int TakeSlot()
    {
        if (_freeSlots.TryPop(out var slot)) return slot;
        EnsureCapacity(_highWater + 1);
        return _highWater++;
    }

    private void EnsureCapacity(int slots)
    {
        if (slots <= _owners.Length) return;
        // Grow by a quarter, not double: the exact vectors are most of the memory, and slack is paid per template.
        var size = Math.Max(slots, _owners.Length + Math.Max(64, _owners.Length / 4));
        Array.Resize(ref _vectors, size * Dimensions);
        Array.Resize(ref _owners, size);
        Array.Resize(ref _templateIds, size);
    }

    private static void CopyExactly(Stream input, Stream output, long bytes)
    {
        var buffer = new byte[81920];
        while (bytes > 0)
        {
            var read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, bytes));
            if (read == 0) throw new EndOfStreamException();
            output.Write(buffer, 0, read);
            bytes -= read;
        }
    }

    private static void CheckVector(float[] vector)
    {
        if (vector.Length != Dimensions)
            throw new AccessGridException(AccessGridError.Invalid, $"An encoding has {Dimensions} values, not {vector.Length}.");
        foreach (var v in vector)
            if (!float.IsFinite(v)) throw new AccessGridException(AccessGridError.Invalid, "An encoding holds a non-finite value.");
    }

    private static NativeHnsw NewGraph() =>
        new(MetricKind.Cos, ScalarKind.Int8, Dimensions, Connectivity, ExpansionAdd, Expansion(MinCandidates));

    // "AGIDX002" little-endian: identifies the format and its version. 002 (issue 14): the layout is 001's, but a 001
    // snapshot holds no mean templates, so it reads as "not a snapshot" and the shard rebuilds once from staff state.
    private const long SnapshotMagic = 0x3230305844494741;

    public void Dispose() => _graph.Dispose();
}
