using SkiaSharp;

namespace AccessGrid.Ops.Load;

/// <summary>What a door camera sends: a corridor-like background of the camera's size, with a photo scaled to the
/// frame's height in the middle (an lfw-dev 250×250 photo becomes a face about a quarter of a 640×480 frame wide).</summary>
public static class CameraFrame
{
    /// <summary>A frame without anyone in it (<paramref name="variant"/> moves the door and shifts the colours).</summary>
    public static byte[] Empty(int width, int height, int variant)
    {
        using var bitmap = Background(width, height, variant);
        return Jpeg(bitmap);
    }

    /// <summary>The photo placed in a frame of the given size, re-encoded as the camera would (JPEG quality 85).</summary>
    public static byte[] Around(byte[] photo, int width, int height, int variant)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(photo)) ?? throw new InvalidDataException("A load frame is not a decodable image.");
        using var source = SKBitmap.Decode(codec) ?? throw new InvalidDataException("A load frame is not a decodable image.");
        using var bitmap = Background(width, height, variant);
        float scale = Math.Min((float)height / source.Height, (float)width / source.Width);
        float w = source.Width * scale, h = source.Height * scale, left = (width - w) / 2, top = (height - h) / 2;
        using (var canvas = new SKCanvas(bitmap))
        using (var image = SKImage.FromBitmap(source))
            canvas.DrawImage(image, new SKRect(left, top, left + w, top + h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        return Jpeg(bitmap);
    }

    private static SKBitmap Background(int width, int height, int variant)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
            [new SKColor((byte)(40 + variant % 8 * 20), 60, 90), new SKColor(200, (byte)(180 - variant % 8 * 10), 150)], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawRect(0, 0, width, height, paint);
        using var door = new SKPaint { Color = new SKColor(90, 70, 50) };
        canvas.DrawRect(width * (0.31f + variant % 8 * 0.016f), height / 6f, width / 4f, height * 5 / 6f, door);
        return bitmap;
    }

    private static byte[] Jpeg(SKBitmap bitmap)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
