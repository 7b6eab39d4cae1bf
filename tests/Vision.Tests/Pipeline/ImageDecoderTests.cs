using SkiaSharp;

namespace AccessGrid.Vision.Tests.Pipeline;

/// <summary>Decoding without the models: formats, orientation, colour conversions and every kind of bad input.</summary>
public sealed class ImageDecoderTests
{
    private const long Limit = 40_000_000;

    /// <summary>64×32, four flat quadrants: red, green / blue, white. Every EXIF transform moves them differently.</summary>
    private static readonly RgbImage Quadrants = MakeQuadrants();

    [Fact]
    public void Empty_input_is_Empty() =>
        Assert.Equal(ImageProblemKind.Empty, ImageDecoder.Decode([], Limit).Problem?.Kind);

    [Fact]
    public void Random_bytes_and_text_are_not_images()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        Assert.Equal(ImageProblemKind.NotAnImage, ImageDecoder.Decode(garbage, Limit).Problem?.Kind);
        Assert.Equal(ImageProblemKind.NotAnImage, ImageDecoder.Decode("hello, I am not a picture"u8, Limit).Problem?.Kind);
    }

    [Fact]
    public void Truncated_jpeg_is_Corrupt()
    {
        var jpeg = TestImages.Encode(Gradient(320, 240), SKEncodedImageFormat.Jpeg);
        Assert.Equal(ImageProblemKind.Corrupt, ImageDecoder.Decode(jpeg.AsSpan(0, jpeg.Length / 2), Limit).Problem?.Kind);
        Assert.Equal(ImageProblemKind.Corrupt, ImageDecoder.Decode(jpeg.AsSpan(0, 12), Limit).Problem?.Kind);
    }

    [Fact]
    public void Truncated_png_is_Corrupt()
    {
        var png = TestImages.Encode(Gradient(320, 240), SKEncodedImageFormat.Png);
        Assert.Equal(ImageProblemKind.Corrupt, ImageDecoder.Decode(png.AsSpan(0, png.Length / 2), Limit).Problem?.Kind);
    }

    [Fact]
    public void A_png_read_in_several_chunks_of_rows_keeps_every_pixel()
    {
        // 700 px wide: 2,800 bytes of RGBA a row, so the decoder reads it 23 rows at a time, with a short last chunk.
        var original = Gradient(700, 301);
        var decoded = ImageDecoder.Decode(TestImages.Encode(original, SKEncodedImageFormat.Png), Limit).Image!;
        Assert.Equal((original.Width, original.Height), (decoded.Width, decoded.Height));
        Assert.Equal(original.Pixels, decoded.Pixels);
    }

    [Fact]
    public void Huge_declared_size_is_refused_from_the_header_alone()
    {
        // The file holds 1 KB of the 300 MB of pixels it declares: TooLarge can only come from reading the header first.
        var result = ImageDecoder.Decode(TestImages.PngDeclaring(10_000, 10_000), Limit);
        Assert.Equal(ImageProblemKind.TooLarge, result.Problem?.Kind);
        Assert.Contains("10000x10000", result.Problem!.Message);
        // The same header with an acceptable size gets as far as decoding and fails there.
        Assert.Equal(ImageProblemKind.Corrupt, ImageDecoder.Decode(TestImages.PngDeclaring(100, 100), Limit).Problem?.Kind);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    public void Skia_encodable_formats_round_trip(SKEncodedImageFormat format)
    {
        var decoded = ImageDecoder.Decode(TestImages.Encode(Quadrants, format, 100), Limit);
        AssertQuadrants(decoded, Quadrants);
    }

    [Fact]
    public void Bmp_decodes() => AssertQuadrants(ImageDecoder.Decode(TestImages.Bmp(Quadrants), Limit), Quadrants);

    [Fact]
    public void Gif_decodes_its_first_frame()
    {
        // GIF89a, 1×1, two-colour global palette (white, black), one image whose only pixel is palette index 0.
        byte[] gif =
        [
            .. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00,
            0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
        ];
        var image = ImageDecoder.Decode(gif, Limit).Image;
        Assert.NotNull(image);
        Assert.Equal((1, 1), (image.Width, image.Height));
        Assert.Equal([255, 255, 255], image.Pixels);
    }

    [Fact]
    public void Transparent_pixels_are_composited_on_black()
    {
        using var bitmap = TestImages.ToBitmap(TestImages.Solid(8, 8, 200, 100, 50), alpha: 0);
        var clear = ImageDecoder.Decode(TestImages.Encode(bitmap, SKEncodedImageFormat.Png), Limit).Image;
        Assert.NotNull(clear);
        Assert.All(clear.Pixels, b => Assert.Equal(0, b));

        using var half = TestImages.ToBitmap(TestImages.Solid(8, 8, 200, 100, 50), alpha: 128);
        var blended = ImageDecoder.Decode(TestImages.Encode(half, SKEncodedImageFormat.Png), Limit).Image;
        Assert.NotNull(blended);
        Assert.InRange(blended.Pixels[0], 98, 102);
        Assert.InRange(blended.Pixels[1], 48, 52);
    }

    [Fact]
    public void Grey_jpeg_becomes_rgb_with_equal_channels()
    {
        var image = ImageDecoder.Decode(TestImages.GreyJpeg(Gradient(64, 48)), Limit).Image;
        Assert.NotNull(image);
        for (int i = 0; i < image.Pixels.Length; i += 3)
        {
            Assert.Equal(image.Pixels[i], image.Pixels[i + 1]);
            Assert.Equal(image.Pixels[i], image.Pixels[i + 2]);
        }
    }

    /// <summary>For each EXIF orientation, the pixels a camera would store for the upright picture
    /// (built from mirror and quarter turns, independently of the decoder's table).</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Exif_orientation_is_applied(ushort orientation)
    {
        static RgbImage M(RgbImage i) => TestImages.MirrorHorizontally(i);
        static RgbImage R(RgbImage i) => TestImages.RotateCounterClockwise(i);
        var stored = orientation switch
        {
            1 => Quadrants,
            2 => M(Quadrants),
            3 => R(R(Quadrants)),
            4 => R(R(M(Quadrants))),
            5 => R(M(Quadrants)),
            6 => R(Quadrants),
            7 => M(R(Quadrants)),
            _ => R(R(R(Quadrants))),
        };
        var jpeg = TestImages.WithExifOrientation(TestImages.Encode(stored, SKEncodedImageFormat.Jpeg, 100), orientation);
        AssertQuadrants(ImageDecoder.Decode(jpeg, Limit), Quadrants);
    }

    private static void AssertQuadrants(DecodedImage decoded, RgbImage expected)
    {
        Assert.Null(decoded.Problem);
        var image = decoded.Image!;
        Assert.Equal((expected.Width, expected.Height), (image.Width, image.Height));
        foreach (var (x, y) in new[] { (16, 8), (48, 8), (16, 24), (48, 24) })
        {
            int o = (y * image.Width + x) * 3;
            for (int c = 0; c < 3; c++) Assert.InRange(image.Pixels[o + c], expected.Pixels[o + c] - 8, expected.Pixels[o + c] + 8);
        }
    }

    private static RgbImage MakeQuadrants()
    {
        var image = TestImages.Solid(64, 32, 0, 0, 0);
        for (int y = 0; y < 32; y++)
        {
            for (int x = 0; x < 64; x++)
            {
                (byte r, byte g, byte b) = (x < 32, y < 16) switch
                {
                    (true, true) => ((byte)255, (byte)0, (byte)0),
                    (false, true) => ((byte)0, (byte)255, (byte)0),
                    (true, false) => ((byte)0, (byte)0, (byte)255),
                    _ => ((byte)255, (byte)255, (byte)255),
                };
                int o = (y * 64 + x) * 3;
                (image.Pixels[o], image.Pixels[o + 1], image.Pixels[o + 2]) = (r, g, b);
            }
        }
        return image;
    }

    private static RgbImage Gradient(int width, int height)
    {
        var image = TestImages.Solid(width, height, 0, 0, 0);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                (image.Pixels[(y * width + x) * 3], image.Pixels[(y * width + x) * 3 + 1], image.Pixels[(y * width + x) * 3 + 2]) =
                    ((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)((x + y) % 256));
        return image;
    }
}
