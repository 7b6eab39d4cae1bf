using System.Buffers.Binary;
using AccessGrid.Ops.Drills;
using SkiaSharp;

namespace AccessGrid.Ops.Tests;

public sealed class MalformedInputsTests
{
    private static byte[] SeedJpeg()
    {
        using var bitmap = new SKBitmap(64, 48);
        bitmap.Erase(new SKColor(120, 90, 60));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    [Fact]
    public void Every_kind_comes_round_and_the_sequence_is_reproducible()
    {
        var a = new MalformedInputs(SeedJpeg(), seed: 5);
        var b = new MalformedInputs(SeedJpeg(), seed: 5);
        var first = Enumerable.Range(0, MalformedInputs.Kinds.Length * 2).Select(a.Next).ToList();
        var second = Enumerable.Range(0, MalformedInputs.Kinds.Length * 2).Select(b.Next).ToList();
        Assert.Equal(MalformedInputs.Kinds, first.Take(MalformedInputs.Kinds.Length).Select(r => r.Kind));
        Assert.Equal(first.Select(r => Convert.ToHexString(r.Body)), second.Select(r => Convert.ToHexString(r.Body)));
    }

    [Fact]
    public void The_png_bomb_is_small_on_the_wire_and_claims_144_megapixels()
    {
        var bomb = Enumerable.Range(0, MalformedInputs.Kinds.Length).Select(new MalformedInputs(SeedJpeg(), 1).Next).Single(r => r.Kind == "png-bomb");
        Assert.True(bomb.Body.Length < 1_000_000, $"{bomb.Body.Length} bytes");
        Assert.Equal(12_000, BinaryPrimitives.ReadInt32BigEndian(bomb.Body.AsSpan(16)));
        Assert.Equal(12_000, BinaryPrimitives.ReadInt32BigEndian(bomb.Body.AsSpan(20)));
        using var codec = SKCodec.Create(new SKMemoryStream(bomb.Body));
        Assert.NotNull(codec); // a real PNG: decoders would really inflate it
        Assert.Equal(12_000, codec.Info.Width);
    }

    [Fact]
    public void The_giant_jpeg_claims_60000_pixels_a_side()
    {
        var giant = Enumerable.Range(0, MalformedInputs.Kinds.Length).Select(new MalformedInputs(SeedJpeg(), 1).Next).Single(r => r.Kind == "jpeg-claims-60000px");
        using var codec = SKCodec.Create(new SKMemoryStream(giant.Body));
        Assert.Equal(60_000, codec.Info.Width);
        Assert.Equal(60_000, codec.Info.Height);
    }
}
