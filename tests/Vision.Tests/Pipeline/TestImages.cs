using System.Buffers.Binary;
using SkiaSharp;

namespace AccessGrid.Vision.Tests.Pipeline;

/// <summary>Makes test images from decoded pixels: re-encoded, rescaled, mirrored, rotated, grey, transparent,
/// EXIF-tagged, hand-written BMP.</summary>
internal static class TestImages
{
    public static RgbImage Decode(byte[] encoded) =>
        ImageDecoder.Decode(encoded, long.MaxValue).Image ?? throw new InvalidOperationException("test image does not decode");

    public static SKBitmap ToBitmap(RgbImage image, byte alpha = 255)
    {
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var pixels = new byte[image.Width * image.Height * 4];
        for (int i = 0, j = 0; i < image.Pixels.Length; i += 3, j += 4)
        {
            pixels[j] = image.Pixels[i];
            pixels[j + 1] = image.Pixels[i + 1];
            pixels[j + 2] = image.Pixels[i + 2];
            pixels[j + 3] = alpha;
        }
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 92)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"Skia cannot encode {format}");
        return data.ToArray();
    }

    public static byte[] Encode(RgbImage image, SKEncodedImageFormat format, int quality = 92)
    {
        using var bitmap = ToBitmap(image);
        return Encode(bitmap, format, quality);
    }

    public static RgbImage Crop(RgbImage image, int x, int y, int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (int row = 0; row < height; row++)
            Array.Copy(image.Pixels, ((y + row) * image.Width + x) * 3, pixels, row * width * 3, width * 3);
        return new RgbImage(width, height, pixels);
    }

    public static RgbImage Resize(RgbImage image, int width, int height)
    {
        using var source = ToBitmap(image);
        using var resized = source.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul),
            new SKSamplingOptions(SKCubicResampler.Mitchell));
        return Decode(Encode(resized, SKEncodedImageFormat.Png));
    }

    public static RgbImage MirrorHorizontally(RgbImage image) => Remap(image, image.Width, image.Height, (x, y) => (image.Width - 1 - x, y));

    /// <summary>The image turned 90° counter-clockwise: what a camera stores when its EXIF tag says "rotate 90° CW to view" (6).</summary>
    public static RgbImage RotateCounterClockwise(RgbImage image) => Remap(image, image.Height, image.Width, (x, y) => (image.Width - 1 - y, x));

    public static RgbImage Grey(RgbImage image)
    {
        var pixels = new byte[image.Pixels.Length];
        for (int i = 0; i < pixels.Length; i += 3)
        {
            var g = (byte)Math.Round(0.299 * image.Pixels[i] + 0.587 * image.Pixels[i + 1] + 0.114 * image.Pixels[i + 2]);
            pixels[i] = pixels[i + 1] = pixels[i + 2] = g;
        }
        return new RgbImage(image.Width, image.Height, pixels);
    }

    /// <summary>A single-channel (Gray8) JPEG, as greyscale cameras write.</summary>
    public static byte[] GreyJpeg(RgbImage image)
    {
        var grey = Grey(image);
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        var pixels = new byte[image.Width * image.Height];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = grey.Pixels[i * 3];
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return Encode(bitmap, SKEncodedImageFormat.Jpeg);
    }

    /// <summary>A JPEG with an EXIF APP1 segment carrying only the orientation tag, inserted right after SOI.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        var tiff = new byte[8 + 2 + 12 + 4];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);     // first IFD right after the header
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 1);     // one entry
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(10), 0x0112); // Orientation
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(12), 3);    // SHORT
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(14), 1);    // count
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(18), orientation);
        // next-IFD offset (last 4 bytes) stays 0

        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    /// <summary>An uncompressed 24-bit bottom-up BMP (Skia has no BMP encoder).</summary>
    public static byte[] Bmp(RgbImage image)
    {
        int stride = (image.Width * 3 + 3) & ~3;
        int size = 54 + stride * image.Height;
        var bmp = new byte[size];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), size);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), image.Width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), image.Height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(34), stride * image.Height);
        for (int y = 0; y < image.Height; y++)
        {
            int row = 54 + (image.Height - 1 - y) * stride;
            for (int x = 0; x < image.Width; x++)
            {
                int s = (y * image.Width + x) * 3;
                bmp[row + x * 3] = image.Pixels[s + 2];
                bmp[row + x * 3 + 1] = image.Pixels[s + 1];
                bmp[row + x * 3 + 2] = image.Pixels[s];
            }
        }
        return bmp;
    }

    /// <summary>A small PNG declaring <paramref name="width"/>×<paramref name="height"/> RGB whose compressed data
    /// holds only the first kilobyte of zero rows: the header is valid, the pixels are far from complete, so only a
    /// check made on the header, before decoding, can answer anything but "corrupt".</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type RGB
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(new byte[1024]);
        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A,
            .. PngChunk("IHDR"u8, ihdr), .. PngChunk("IDAT"u8, compressed.ToArray()), .. PngChunk("IEND"u8, [])];
    }

    private static byte[] PngChunk(ReadOnlySpan<byte> type, byte[] data)
    {
        byte[] typeAndData = [.. type, .. data];
        var chunk = new byte[4 + typeAndData.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeAndData.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(4 + typeAndData.Length), Crc32(typeAndData));
        return chunk;
    }

    // PNG's CRC-32 (IEEE, reflected); libpng rejects a critical chunk whose CRC is wrong.
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }

    public static RgbImage Solid(int width, int height, byte r, byte g, byte b)
    {
        var pixels = new byte[width * height * 3];
        for (int i = 0; i < pixels.Length; i += 3) { pixels[i] = r; pixels[i + 1] = g; pixels[i + 2] = b; }
        return new RgbImage(width, height, pixels);
    }

    private static RgbImage Remap(RgbImage image, int width, int height, Func<int, int, (int X, int Y)> source)
    {
        var pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                var (sx, sy) = source(x, y);
                Array.Copy(image.Pixels, (sy * image.Width + sx) * 3, pixels, (y * width + x) * 3, 3);
            }
        }
        return new RgbImage(width, height, pixels);
    }
}
