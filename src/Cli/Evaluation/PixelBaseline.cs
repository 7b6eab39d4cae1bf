using AccessGrid.Cli.Rendering;
using AccessGrid.Vision;
using SkiaSharp;

namespace AccessGrid.Cli.Evaluation;

/// <summary>The naive baseline: the whole image shrunk to 96×96 RGB, compared by plain L2 distance. It shows how much
/// of the accuracy comes from the face pipeline rather than from LFW's centred, similar-looking photos.</summary>
public static class PixelBaseline
{
    public const int Side = 96;

    /// <summary>96·96·3 values in 0..1, or null when the image cannot be decoded.</summary>
    public static float[]? Vectorize(ReadOnlySpan<byte> encodedImage, long maxPixels)
    {
        var decoded = ImageDecoder.Decode(encodedImage, maxPixels);
        if (decoded.Image is null) return null;
        using var full = Bitmaps.FromRgb(decoded.Image);
        using var small = full.Resize(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Opaque),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (small is null) return null;

        var rgba = small.GetPixelSpan();
        var vector = new float[Side * Side * 3];
        for (int s = 0, d = 0; d < vector.Length; s += 4, d += 3)
        {
            vector[d] = rgba[s] / 255f;
            vector[d + 1] = rgba[s + 1] / 255f;
            vector[d + 2] = rgba[s + 2] / 255f;
        }
        return vector;
    }
}
