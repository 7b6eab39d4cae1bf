using AccessGrid.Vision;
using SkiaSharp;

namespace AccessGrid.Cli.Rendering;

/// <summary>Bridges the pipeline's upright RGB pixels to SkiaSharp, so drawings use exactly the coordinates the pipeline saw.</summary>
public static class Bitmaps
{
    public static SKBitmap FromRgb(RgbImage image)
    {
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = new byte[image.Width * image.Height * 4];
        var rgb = image.Pixels;
        for (int s = 0, d = 0; s < rgb.Length; s += 3, d += 4)
        {
            rgba[d] = rgb[s];
            rgba[d + 1] = rgb[s + 1];
            rgba[d + 2] = rgb[s + 2];
            rgba[d + 3] = 255;
        }
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        return bitmap;
    }
}
