using System.Runtime.InteropServices;
using AccessGrid.ModelConversion.Protobuf;

namespace AccessGrid.ModelConversion.Onnx;

/// <summary>An ONNX initializer: little-endian raw_data, which every runtime reads without per-element decoding.</summary>
public sealed record TensorProto(string Name, OnnxDataType DataType, long[] Dims, byte[] RawData) : IProtoMessage
{
    public static TensorProto FromFloats(string name, long[] dims, ReadOnlySpan<float> values) =>
        Create(name, OnnxDataType.Float, dims, MemoryMarshal.AsBytes(values).ToArray(), values.Length);

    public static TensorProto FromInt64s(string name, long[] dims, ReadOnlySpan<long> values) =>
        Create(name, OnnxDataType.Int64, dims, MemoryMarshal.AsBytes(values).ToArray(), values.Length);

    public static TensorProto FromValues<T>(string name, OnnxDataType type, long[] dims, ReadOnlySpan<T> values) where T : unmanaged =>
        Create(name, type, dims, MemoryMarshal.AsBytes(values).ToArray(), values.Length);

    private static TensorProto Create(string name, OnnxDataType type, long[] dims, byte[] raw, int count)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX raw_data is little-endian");
        var expected = dims.Aggregate(1L, (a, d) => a * d);
        if (expected != count)
            throw new ArgumentException($"tensor '{name}': {count} values do not fill shape [{string.Join(',', dims)}]");
        return new TensorProto(name, type, dims, raw);
    }

    public void WriteTo(ProtoWriter writer)
    {
        foreach (var d in Dims) writer.WriteInt64(1, d);
        writer.WriteInt64(2, (long)DataType);
        writer.WriteString(8, Name);
        writer.WriteBytes(9, RawData);
    }
}
