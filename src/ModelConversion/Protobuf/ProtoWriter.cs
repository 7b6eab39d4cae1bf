using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace AccessGrid.ModelConversion.Protobuf;

/// <summary>A minimal protocol-buffers encoder: exactly the wire types ONNX needs, nothing generated.</summary>
public sealed class ProtoWriter
{
    private readonly ArrayBufferWriter<byte> buffer = new();

    public ReadOnlySpan<byte> WrittenSpan => buffer.WrittenSpan;

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();

    public void WriteVarint(ulong value)
    {
        Span<byte> bytes = stackalloc byte[10];
        var n = 0;
        while (value >= 0x80)
        {
            bytes[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        bytes[n++] = (byte)value;
        buffer.Write(bytes[..n]);
    }

    public void WriteTag(int field, WireType wireType)
    {
        if (field is < 1 or > 536_870_911) throw new ArgumentOutOfRangeException(nameof(field), field, "protobuf field numbers are 1..2^29-1");
        WriteVarint(((ulong)(uint)field << 3) | (uint)wireType);
    }

    /// <summary>int64/int32/enum fields: negative values take ten bytes (two's complement), as protobuf specifies.</summary>
    public void WriteInt64(int field, long value)
    {
        WriteTag(field, WireType.Varint);
        WriteVarint(unchecked((ulong)value));
    }

    public void WriteFloat(int field, float value)
    {
        WriteTag(field, WireType.Fixed32);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        buffer.Write(bytes);
    }

    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, WireType.LengthDelimited);
        WriteVarint((ulong)value.Length);
        buffer.Write(value);
    }

    public void WriteString(int field, string value) => WriteBytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>Nested messages are length-prefixed, so they are encoded first and copied in.</summary>
    public void WriteMessage(int field, IProtoMessage message)
    {
        var inner = new ProtoWriter();
        message.WriteTo(inner);
        WriteBytes(field, inner.WrittenSpan);
    }
}
