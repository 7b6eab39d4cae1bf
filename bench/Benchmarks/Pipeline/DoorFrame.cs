using AccessGrid.Vision;
using SkiaSharp;

namespace AccessGrid.Benchmarks.Pipeline;

/// <summary>A 640×480 JPEG as a door camera would send it, cut from a face-api demo photo around its primary face
/// (the face about a quarter of the frame wide), so every stage sees a realistic frame.</summary>
public static class DoorFrame
{
    public const int Width = 640, Height = 480;

    public static byte[] FromSample(FacePipeline pipeline, int sample = 2)
    {
        var path = Path.Combine(BenchPaths.FaceApiPackage, "demo", $"sample{sample}.jpg");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing: run `./accessgrid models install` first.", path);
        var bytes = File.ReadAllBytes(path);
        var face = pipeline.Analyze(bytes).Primary
                   ?? throw new InvalidDataException($"No face found in {path}.");

        using var source = SKBitmap.Decode(bytes);
        float cropWidth = Math.Min(source.Width, Math.Max(face.Box.Width * 4, Width));
        float cropHeight = cropWidth * Height / Width;
        float left = Math.Clamp(face.Box.CenterX - cropWidth / 2, 0, source.Width - cropWidth);
        float top = Math.Clamp(face.Box.CenterY - cropHeight / 2, 0, Math.Max(0, source.Height - cropHeight));
        using var frame = new SKBitmap(Width, Height);
        using (var canvas = new SKCanvas(frame))
        using (var image = SKImage.FromBitmap(source))
        {
            canvas.DrawImage(image, new SKRect(left, top, left + cropWidth, top + cropHeight), new SKRect(0, 0, Width, Height),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        }
        using var data = frame.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
