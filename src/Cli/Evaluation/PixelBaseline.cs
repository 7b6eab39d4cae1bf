using AccessGrid.Cli.Rendering;
using AccessGrid.Vision;
using SkiaSharp;

namespace AccessGrid.Cli.Evaluation;

/// <summary>The naive baseline: the whole image shrunk to 96×96 RGB, compared by plain L2 distance. It shows how much
/// of the accuracy comes from the face pipeline rather than from LFW's centred, similar-looking photos.</summary>
public static class PixelBaseline
{
    public const int Side = 96;

    /// <summary>96·96·3 RGB bytes, or null when the image cannot be decoded. Bytes, not floats: an LFW run keeps
    /// one per image, and floats would be 0.5 GB of the CLI's memory.</summary>
    public static byte[]? Vectorize(ReadOnlySpan<byte> encodedImage, long maxPixels)
    {
        var decoded = ImageDecoder.Decode(encodedImage, maxPixels);
        if (decoded.Image is null) return null;
        using var full = Bitmaps.FromRgb(decoded.Image);
        using var small = full.Resize(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Opaque),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (small is null) return null;

        var rgba = small.GetPixelSpan();
        var vector = new byte[Side * Side * 3];
        for (int s = 0, d = 0; d < vector.Length; s += 4, d += 3)
        {
            vector[d] = rgba[s];
            vector[d + 1] = rgba[s + 1];
            vector[d + 2] = rgba[s + 2];
        }
        return vector;
    }

    /// <summary>L2 distance between two vectors with values scaled to 0..1.</summary>
    public static float Distance(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        long sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            int d = a[i] - b[i];
            sum += d * d;
        }
        return MathF.Sqrt(sum) / 255f;
    }
}
