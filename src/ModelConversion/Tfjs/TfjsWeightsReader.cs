using System.Buffers.Binary;
using System.Text.Json;

namespace AccessGrid.ModelConversion.Tfjs;

/// <summary>Reads a tfjs `*-weights_manifest.json` and its .bin shards: entries are concatenated in manifest order
/// with no alignment; uint8/uint16-quantised entries dequantise as q·scale + min (double, then rounded to float32,
/// exactly as tfjs does); plain float32 entries are copied.</summary>
public static class TfjsWeightsReader
{
    public static TfjsWeights Read(string manifestPath)
    {
        if (!File.Exists(manifestPath)) throw new WeightsFormatException($"weights manifest not found: {manifestPath}");
        var directory = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        return Read(File.ReadAllBytes(manifestPath), shard =>
        {
            var path = Path.Combine(directory, shard);
            if (!File.Exists(path)) throw new WeightsFormatException($"weights shard '{shard}' listed in {Path.GetFileName(manifestPath)} is missing");
            return File.ReadAllBytes(path);
        });
    }

    /// <param name="manifestJson">The manifest file's bytes.</param>
    /// <param name="readShard">Returns the bytes of a shard named in a group's "paths".</param>
    public static TfjsWeights Read(ReadOnlySpan<byte> manifestJson, Func<string, byte[]> readShard)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(manifestJson.ToArray()); }
        catch (JsonException e) { throw new WeightsFormatException($"weights manifest is not valid JSON: {e.Message}"); }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new WeightsFormatException("weights manifest must be a JSON array of weight groups");
            var tensors = new List<TfjsTensor>();
            foreach (var group in document.RootElement.EnumerateArray())
                tensors.AddRange(ReadGroup(group, readShard));
            return new TfjsWeights(tensors);
        }
    }

    private static List<TfjsTensor> ReadGroup(JsonElement group, Func<string, byte[]> readShard)
    {
        var paths = Array(group, "paths", "weight group").Select(p => p.GetString() ?? "").ToArray();
        var bytes = paths.SelectMany(readShard).ToArray();
        var tensors = new List<TfjsTensor>();
        var offset = 0L;
        foreach (var entry in Array(group, "weights", "weight group"))
        {
            var spec = WeightSpec.Parse(entry);
            var length = spec.ByteLength;
            if (offset + length > bytes.Length)
                throw new WeightsFormatException(
                    $"'{spec.Name}' needs bytes {offset}..{offset + length} but {string.Join('+', paths)} holds only {bytes.Length}");
            tensors.Add(spec.Decode(bytes.AsSpan((int)offset, (int)length)));
            offset += length;
        }
        if (offset != bytes.Length)
            throw new WeightsFormatException(
                $"{string.Join('+', paths)} holds {bytes.Length} bytes but its manifest entries add up to {offset}");
        return tensors;
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string property, string what) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new WeightsFormatException($"{what} has no '{property}' array");

    /// <summary>One manifest entry: name, shape, stored dtype and optional quantisation.</summary>
    private sealed record WeightSpec(string Name, int[] Shape, string StoredDtype, double Scale, double Min)
    {
        private long Count => Shape.Aggregate(1L, (a, d) => a * d);

        public long ByteLength => Count * StoredDtype switch { "uint8" => 1, "uint16" => 2, _ => 4 };

        public static WeightSpec Parse(JsonElement entry)
        {
            var name = entry.TryGetProperty("name", out var n) && n.GetString() is { Length: > 0 } s
                ? s : throw new WeightsFormatException("a weight entry has no name");
            var shape = Array(entry, "shape", $"weight '{name}'").Select(d =>
                d.TryGetInt32(out var v) && v >= 0 ? v : throw new WeightsFormatException($"weight '{name}' has a bad dimension {d}")).ToArray();
            var dtype = entry.TryGetProperty("dtype", out var t) ? t.GetString() : null;
            if (dtype != "float32") throw new WeightsFormatException($"weight '{name}' has dtype '{dtype}'; only float32 is supported");
            if (!entry.TryGetProperty("quantization", out var q) || q.ValueKind == JsonValueKind.Null)
                return new WeightSpec(name, shape, "float32", 1, 0);

            var qtype = q.TryGetProperty("dtype", out var qt) ? qt.GetString() : null;
            if (qtype is not ("uint8" or "uint16"))
                throw new WeightsFormatException($"weight '{name}' uses '{qtype}' quantisation; only uint8 and uint16 are supported");
            if (!q.TryGetProperty("scale", out var scale) || !q.TryGetProperty("min", out var min)
                || !scale.TryGetDouble(out var scaleValue) || !min.TryGetDouble(out var minValue))
                throw new WeightsFormatException($"weight '{name}' quantisation lacks a numeric scale and min");
            return new WeightSpec(name, shape, qtype, scaleValue, minValue);
        }

        public TfjsTensor Decode(ReadOnlySpan<byte> bytes)
        {
            var values = new float[Count];
            switch (StoredDtype)
            {
                case "uint8":
                    for (var i = 0; i < values.Length; i++) values[i] = (float)(bytes[i] * Scale + Min);
                    break;
                case "uint16":
                    for (var i = 0; i < values.Length; i++)
                        values[i] = (float)(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]) * Scale + Min);
                    break;
                default:
                    for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
                    break;
            }
            return new TfjsTensor(Name, Shape, values);
        }
    }
}
