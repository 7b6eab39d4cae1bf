using SkiaSharp;

namespace AccessGrid.Benchmarks.Pipeline;

/// <summary>A person far from the door: a photo scaled down so that its face is <c>faceWidth</c> pixels wide, placed in
/// the middle of a 640×480 corridor-like frame (the background of tools/Ops' CameraFrame) and re-encoded as the camera
/// would (JPEG 85).</summary>
public static class DistantFaceFrame
{
    public const int Width = 640, Height = 480;

    /// <param name="photo">The encoded photo.</param>
    /// <param name="photoFaceWidth">Width of the face's detection box in the photo, in its pixels.</param>
    /// <param name="faceWidth">Width the face should have in the frame.</param>
    public static byte[] Make(byte[] photo, float photoFaceWidth, float faceWidth)
    {
        using var source = SKBitmap.Decode(photo) ?? throw new InvalidDataException("The photo does not decode.");
        using var frame = Background();
        float scale = faceWidth / photoFaceWidth, w = source.Width * scale, h = source.Height * scale;
        float left = (Width - w) / 2, top = (Height - h) / 2;
        using (var canvas = new SKCanvas(frame))
        using (var image = SKImage.FromBitmap(source))
            canvas.DrawImage(image, new SKRect(left, top, left + w, top + h), new SKSamplingOptions(SKCubicResampler.Mitchell));
        return Jpeg(frame);
    }

    /// <summary>The same frame with nobody in it.</summary>
    public static byte[] Empty()
    {
        using var frame = Background();
        return Jpeg(frame);
    }

    private static SKBitmap Background()
    {
        var bitmap = new SKBitmap(Width, Height);
        using var canvas = new SKCanvas(bitmap);
        using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(Width, Height),
            [new SKColor(40, 60, 90), new SKColor(200, 180, 150)], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawRect(0, 0, Width, Height, paint);
        using var door = new SKPaint { Color = new SKColor(90, 70, 50) };
        canvas.DrawRect(Width * 0.31f, Height / 6f, Width / 4f, Height * 5 / 6f, door);
        return bitmap;
    }

    private static byte[] Jpeg(SKBitmap bitmap)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
