using System.Buffers.Binary;
using AccessGrid.ModelConversion.Protobuf;

namespace AccessGrid.ModelConversion.Tests;

/// <summary>An independent protobuf decoder, written from the wire-format spec, to check what ProtoWriter emits.</summary>
internal static class ProtoDecoder
{
    public sealed record Field(int Number, WireType WireType, ulong Varint, byte[] Bytes)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Bytes);
        public float Float => BinaryPrimitives.ReadSingleLittleEndian(Bytes);
    }

    public static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (position >= data.Length) throw new FormatException("truncated varint");
            var b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new FormatException("varint longer than 10 bytes");
    }

    public static List<Field> Decode(ReadOnlySpan<byte> data)
    {
        var fields = new List<Field>();
        var position = 0;
        while (position < data.Length)
        {
            var tag = ReadVarint(data, ref position);
            var number = (int)(tag >> 3);
            var wire = (WireType)(tag & 7);
            switch (wire)
            {
                case WireType.Varint:
                    fields.Add(new Field(number, wire, ReadVarint(data, ref position), []));
                    break;
                case WireType.Fixed32:
                    fields.Add(new Field(number, wire, 0, data.Slice(position, 4).ToArray()));
                    position += 4;
                    break;
                case WireType.Fixed64:
                    fields.Add(new Field(number, wire, 0, data.Slice(position, 8).ToArray()));
                    position += 8;
                    break;
                case WireType.LengthDelimited:
                    var length = checked((int)ReadVarint(data, ref position));
                    fields.Add(new Field(number, wire, 0, data.Slice(position, length).ToArray()));
                    position += length;
                    break;
                default:
                    throw new FormatException($"unexpected wire type {wire}");
            }
        }
        return fields;
    }
}
