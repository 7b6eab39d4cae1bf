using SkiaSharp;

namespace AccessGrid.Vision;

/// <summary>A small JPEG of one face for people to look at (a guard's decision snapshot, HR's enrollment thumbnail):
/// the face box grown by <see cref="Margin"/> on every side, clipped to the image, scaled down so that its longer side
/// is at most <see cref="MaxSide"/> pixels, encoded at <see cref="Quality"/>. A few KB; never used for recognition.</summary>
public static class FaceThumbnail
{
    /// <summary>Longest side of the JPEG in pixels: enough to recognise a person on a screen, too little for anything else.</summary>
    public const int MaxSide = 160;

    /// <summary>JPEG quality.</summary>
    public const int Quality = 80;

    /// <summary>Share of the box's size added on each side, so hair and chin are in the picture.</summary>
    public const float Margin = 0.25f;

    /// <summary>The JPEG of the face at <paramref name="box"/> in <paramref name="image"/>.</summary>
    public static byte[] Encode(RgbImage image, FaceBox box)
    {
        var grown = new FaceBox(box.X - box.Width * Margin, box.Y - box.Height * Margin, box.Width * (1 + 2 * Margin), box.Height * (1 + 2 * Margin));
        var rect = PixelRect.ClipFloor(grown, image.Width, image.Height);
        var scale = Math.Min(1f, (float)MaxSide / Math.Max(rect.Width, rect.Height));
        int width = Math.Max(1, (int)MathF.Round(rect.Width * scale)), height = Math.Max(1, (int)MathF.Round(rect.Height * scale));

        using var crop = new SKBitmap(new SKImageInfo(rect.Width, rect.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        CopyRgba(image, rect, crop);
        using var scaled = crop.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque),
            new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var encoded = scaled.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return encoded.ToArray();
    }

    /// <summary>The JPEG of <paramref name="box"/> in the encoded image, or null when it does not decode (the caller
    /// analysed these very bytes, so that happens only for a damaged frame that still gave a face).</summary>
    public static byte[]? Encode(ReadOnlySpan<byte> encodedImage, FaceBox box, long maxPixels) =>
        ImageDecoder.Decode(encodedImage, maxPixels).Image is { } image ? Encode(image, box) : null;

    private static void CopyRgba(RgbImage image, PixelRect rect, SKBitmap target)
    {
        var rgba = new byte[rect.Width * rect.Height * 4];
        var src = image.Pixels;
        for (int y = 0; y < rect.Height; y++)
        {
            int s = ((rect.Y + y) * image.Width + rect.X) * 3, d = y * rect.Width * 4;
            for (int x = 0; x < rect.Width; x++, s += 3, d += 4)
            {
                rgba[d] = src[s];
                rgba[d + 1] = src[s + 1];
                rgba[d + 2] = src[s + 2];
                rgba[d + 3] = 255;
            }
        }
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, target.GetPixels(), rgba.Length);
    }
}
