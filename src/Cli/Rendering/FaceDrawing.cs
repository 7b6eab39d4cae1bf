using AccessGrid.Cli.Infrastructure;
using AccessGrid.Vision;
using SkiaSharp;

namespace AccessGrid.Cli.Rendering;

/// <summary>Draws every face's box and 68 landmarks over the image; the primary face in green, the others in amber.</summary>
public static class FaceDrawing
{
    public static void SavePng(ReadOnlySpan<byte> encodedImage, FaceAnalysis analysis, long maxPixels, string outputPath)
    {
        var decoded = ImageDecoder.Decode(encodedImage, maxPixels);
        if (decoded.Image is null) throw new CliException($"cannot decode the image to draw on: {decoded.Problem?.Message}");

        using var bitmap = Bitmaps.FromRgb(decoded.Image);
        using (var canvas = new SKCanvas(bitmap))
        {
            // Stroke widths follow the image size so boxes stay visible on large photos and thin on small crops.
            var stroke = Math.Max(2f, Math.Max(bitmap.Width, bitmap.Height) / 400f);
            for (var i = analysis.Faces.Count - 1; i >= 0; i--) Draw(canvas, analysis.Faces[i], primary: i == 0, stroke);
        }

        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(outputPath));
            if (folder is not null) Directory.CreateDirectory(folder);
            using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            using var file = File.Create(outputPath);
            png.SaveTo(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write {outputPath}: {e.Message}");
        }
    }

    private static void Draw(SKCanvas canvas, Face face, bool primary, float stroke)
    {
        var color = primary ? new SKColor(0, 220, 90) : new SKColor(255, 190, 0);
        using var box = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = stroke, IsAntialias = true };
        canvas.DrawRect(face.Box.X, face.Box.Y, face.Box.Width, face.Box.Height, box);

        using var dot = new SKPaint { Color = color.WithAlpha(230), Style = SKPaintStyle.Fill, IsAntialias = true };
        var radius = Math.Max(1.5f, face.Box.Width / 90f);
        foreach (var point in face.Landmarks) canvas.DrawCircle(point.X, point.Y, radius, dot);
    }
}
