using System.Runtime.InteropServices;
using SkiaSharp;

namespace AccessGrid.Vision;

/// <summary>Decodes JPEG, PNG, WebP, BMP and GIF (first frame) with SkiaSharp into upright RGB.</summary>
/// <remarks>
/// Grey and CMYK sources are converted to RGB by the codec. Transparent pixels are composited on black: the codec
/// writes premultiplied RGBA and the alpha byte is dropped. A truncated or damaged stream
/// (<see cref="SKCodecResult.IncompleteInput"/>, <see cref="SKCodecResult.ErrorInInput"/>) is refused as
/// <see cref="ImageProblemKind.Corrupt"/> rather than analysed half-grey: an access decision or an enrolment must
/// never rest on a partly invented picture.
/// </remarks>
public static class ImageDecoder
{
    public static DecodedImage Decode(ReadOnlySpan<byte> encoded, long maxPixels)
    {
        if (encoded.IsEmpty) return DecodedImage.Fail(ImageProblemKind.Empty, "The image is empty (0 bytes).");
        try
        {
            using var data = SKData.CreateCopy(encoded);
            using var stream = new SKMemoryStream(data);
            using var codec = SKCodec.Create(stream, out var created);
            if (codec is null)
            {
                return created == SKCodecResult.IncompleteInput && LooksLikeImage(encoded)
                    ? DecodedImage.Fail(ImageProblemKind.Corrupt, "The image header is cut short.")
                    : DecodedImage.Fail(ImageProblemKind.NotAnImage, "Not a JPEG, PNG, WebP, BMP or GIF image.");
            }

            // The header alone gives the size: refuse huge images before allocating anything for their pixels.
            var (width, height) = (codec.Info.Width, codec.Info.Height);
            if (width <= 0 || height <= 0)
                return DecodedImage.Fail(ImageProblemKind.Corrupt, $"The image declares an empty size {width}x{height}.");
            if ((long)width * height > maxPixels)
                return DecodedImage.Fail(ImageProblemKind.TooLarge,
                    $"The image is {width}x{height} = {(long)width * height:N0} pixels; the limit is {maxPixels:N0}.");

            var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
            var (rgb, result) = DecodeLineByLine(codec, info);
            if (result == SKCodecResult.Unimplemented)
            {
                // Interlaced PNG, WebP, GIF and bottom-up BMP cannot be read line by line: decode whole, then drop alpha.
                var rgba = new byte[info.BytesSize64];
                result = codec.GetPixels(info, rgba);
                if (result == SKCodecResult.Success) rgb = DropAlpha(rgba, width * height);
            }
            if (result != SKCodecResult.Success || rgb is null)
                return DecodedImage.Fail(ImageProblemKind.Corrupt, $"The pixel data is damaged or cut short ({result}).");

            var stored = new RgbImage(width, height, rgb);
            return new DecodedImage(ExifOrientation.Apply(stored, codec.EncodedOrigin), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return DecodedImage.Fail(ImageProblemKind.Corrupt, $"The image could not be decoded: {e.Message}");
        }
    }

    /// <summary>How many pixels the header declares (0 when there is no readable header): what a decode will hold.</summary>
    public static long DeclaredPixels(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty) return 0;
        try
        {
            using var data = SKData.CreateCopy(encoded);
            using var codec = SKCodec.Create(data);
            return codec is null ? 0 : Math.Max(0, (long)codec.Info.Width * codec.Info.Height);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return 0;
        }
    }

    /// <summary>Decodes a few rows at a time into a small pooled buffer and keeps only their RGB, so a decode holds 3
    /// bytes per pixel instead of 4 + 3. <see cref="SKCodecResult.Unimplemented"/> when the codec cannot do it.</summary>
    private static unsafe (byte[]? Rgb, SKCodecResult Result) DecodeLineByLine(SKCodec codec, SKImageInfo info)
    {
        if (codec.StartScanlineDecode(info) != SKCodecResult.Success || codec.ScanlineOrder != SKCodecScanlineOrder.TopDown)
            return (null, SKCodecResult.Unimplemented);
        var rgb = new byte[(long)info.Width * info.Height * 3];

        var rowBytes = info.Width * 4;
        var rowsPerRead = Math.Max(1, 64 * 1024 / rowBytes);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(rowBytes * rowsPerRead);
        try
        {
            fixed (byte* rows = buffer)
            {
                for (var y = 0; y < info.Height; y += rowsPerRead)
                {
                    var count = Math.Min(rowsPerRead, info.Height - y);
                    if (codec.GetScanlines((IntPtr)rows, count, rowBytes) != count) return (null, SKCodecResult.IncompleteInput);
                    DropAlpha(buffer.AsSpan(0, rowBytes * count), rgb.AsSpan((int)((long)y * info.Width * 3), info.Width * count * 3));
                }
            }
            return (rgb, SKCodecResult.Success);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] DropAlpha(byte[] rgba, int pixelCount)
    {
        var rgb = new byte[pixelCount * 3];
        DropAlpha(rgba.AsSpan(0, pixelCount * 4), rgb);
        return rgb;
    }

    private static void DropAlpha(ReadOnlySpan<byte> rgba, Span<byte> rgb)
    {
        var pixelCount = rgb.Length / 3;
        var src = MemoryMarshal.Cast<byte, uint>(rgba);
        for (int i = 0, d = 0; i < pixelCount; i++, d += 3)
        {
            uint p = src[i]; // little-endian: R in the low byte
            rgb[d] = (byte)p;
            rgb[d + 1] = (byte)(p >> 8);
            rgb[d + 2] = (byte)(p >> 16);
        }
    }

    // Known signatures, so a cut-short real image reads as Corrupt while random bytes read as NotAnImage.
    private static bool LooksLikeImage(ReadOnlySpan<byte> b) =>
        b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8])
        || b.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])
        || b.StartsWith("GIF8"u8)
        || b.StartsWith("BM"u8)
        || (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8));
}
