using AccessGrid.ModelConversion.Protobuf;

namespace AccessGrid.ModelConversion.Tests;

public sealed class ProtoWriterTests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(1UL, "01")]
    [InlineData(127UL, "7F")]
    [InlineData(128UL, "8001")]
    [InlineData(300UL, "AC02")]
    [InlineData(16383UL, "FF7F")]
    [InlineData(16384UL, "808001")]
    [InlineData(4294967295UL, "FFFFFFFF0F")]
    [InlineData(ulong.MaxValue, "FFFFFFFFFFFFFFFFFF01")]
    public void Varints_match_the_wire_format_spec(ulong value, string hex)
    {
        var writer = new ProtoWriter();
        writer.WriteVarint(value);
        Assert.Equal(hex, Convert.ToHexString(writer.WrittenSpan));
    }

    [Fact]
    public void Varints_round_trip_at_every_seven_bit_boundary()
    {
        var values = Enumerable.Range(0, 10)
            .SelectMany(k => new[] { (1UL << (7 * k)) - 1, 1UL << (7 * k), (1UL << (7 * k)) + 1 })
            .Append(ulong.MaxValue).Append(ulong.MaxValue - 1);
        foreach (var value in values)
        {
            var writer = new ProtoWriter();
            writer.WriteVarint(value);
            var position = 0;
            Assert.Equal(value, ProtoDecoder.ReadVarint(writer.WrittenSpan, ref position));
            Assert.Equal(writer.WrittenSpan.Length, position);
            Assert.Equal(Math.Max(1, (64 - ulong.LeadingZeroCount(value) + 6) / 7), (ulong)position);
        }
    }

    [Fact]
    public void Negative_int64_takes_ten_bytes_and_decodes_as_twos_complement()
    {
        var writer = new ProtoWriter();
        writer.WriteInt64(3, -1);
        var field = Assert.Single(ProtoDecoder.Decode(writer.WrittenSpan));
        Assert.Equal(11, writer.WrittenSpan.Length);
        Assert.Equal(-1L, unchecked((long)field.Varint));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(16383)]
    [InlineData(16384)]
    [InlineData(2_097_152)]
    public void Length_prefixes_are_exact_at_size_boundaries(int length)
    {
        var payload = Enumerable.Range(0, length).Select(i => (byte)(i * 31)).ToArray();
        var writer = new ProtoWriter();
        writer.WriteBytes(9, payload);
        var field = Assert.Single(ProtoDecoder.Decode(writer.WrittenSpan));
        Assert.Equal(9, field.Number);
        Assert.Equal(WireType.LengthDelimited, field.WireType);
        Assert.Equal(payload, field.Bytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(2047)]
    [InlineData(2048)]
    [InlineData(536_870_911)]
    public void Tags_round_trip_for_every_field_number_range(int number)
    {
        var writer = new ProtoWriter();
        writer.WriteString(number, "é");
        writer.WriteFloat(number, -1.5f);
        var fields = ProtoDecoder.Decode(writer.WrittenSpan);
        Assert.Equal([number, number], fields.Select(f => f.Number));
        Assert.Equal("é", fields[0].Text);
        Assert.Equal(WireType.Fixed32, fields[1].WireType);
        Assert.Equal(-1.5f, fields[1].Float);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(536_870_912)]
    public void Field_numbers_outside_the_protobuf_range_are_rejected(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProtoWriter().WriteInt64(number, 1));

    [Fact]
    public void Nested_messages_are_length_prefixed_copies_of_their_own_encoding()
    {
        var inner = new ProtoWriter();
        new Sample().WriteTo(inner);
        var outer = new ProtoWriter();
        outer.WriteMessage(7, new Sample());
        var field = Assert.Single(ProtoDecoder.Decode(outer.WrittenSpan));
        Assert.Equal(inner.ToArray(), field.Bytes);
        Assert.Equal([1, 2], ProtoDecoder.Decode(field.Bytes).Select(f => f.Number));
    }

    private sealed class Sample : IProtoMessage
    {
        public void WriteTo(ProtoWriter writer)
        {
            writer.WriteInt64(1, 150);
            writer.WriteString(2, "input");
        }
    }
}
