using AccessGrid.Ops.Load;
using SkiaSharp;

namespace AccessGrid.Benchmarks.Pipeline;

/// <summary>A person far from the door: a photo scaled down so that its face is <c>faceWidth</c> pixels wide, placed in
/// the middle of the load generator's empty 640×480 camera frame (tools/Ops <see cref="CameraFrame"/>) and re-encoded
/// as that camera would (JPEG 85).</summary>
public static class DistantFaceFrame
{
    public const int Width = 640, Height = 480;

    /// <summary>The frame with nobody in it.</summary>
    public static byte[] Empty() => CameraFrame.Empty(Width, Height, variant: 0);

    /// <param name="photo">The encoded photo.</param>
    /// <param name="photoFaceWidth">Width of the face's detection box in the photo, in its pixels.</param>
    /// <param name="faceWidth">Width the face should have in the frame.</param>
    public static byte[] Make(byte[] photo, float photoFaceWidth, float faceWidth)
    {
        using var source = SKBitmap.Decode(photo) ?? throw new InvalidDataException("The photo does not decode.");
        using var frame = SKBitmap.Decode(Empty());
        float scale = faceWidth / photoFaceWidth, w = source.Width * scale, h = source.Height * scale;
        float left = (Width - w) / 2, top = (Height - h) / 2;
        using (var canvas = new SKCanvas(frame))
        using (var image = SKImage.FromBitmap(source))
            canvas.DrawImage(image, new SKRect(left, top, left + w, top + h), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var data = frame.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
