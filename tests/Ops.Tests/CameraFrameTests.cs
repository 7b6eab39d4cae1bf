using AccessGrid.Ops.Load;
using SkiaSharp;

namespace AccessGrid.Ops.Tests;

public sealed class CameraFrameTests
{
    private static byte[] Photo(SKColor colour)
    {
        using var bitmap = new SKBitmap(250, 250);
        bitmap.Erase(colour);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    [Fact]
    public void A_photo_fills_the_frame_height_in_the_middle_of_a_camera_sized_jpeg()
    {
        using var frame = SKBitmap.Decode(CameraFrame.Around(Photo(new SKColor(250, 20, 20)), 640, 480, variant: 3));
        Assert.Equal((640, 480), (frame.Width, frame.Height));
        foreach (var (x, y) in new[] { (320, 240), (90, 10), (550, 470) })
        {
            var p = frame.GetPixel(x, y);
            Assert.True(p.Red > 200 && p.Green < 60 && p.Blue < 60, $"({x},{y}) is {p}, not the photo");
        }
        var outside = frame.GetPixel(20, 240);
        Assert.False(outside.Red > 200 && outside.Green < 60, $"(20,240) is {outside}: the photo should not reach the edge");
    }

    [Fact]
    public void Empty_frames_have_the_asked_size_and_differ_by_variant()
    {
        var a = CameraFrame.Empty(800, 600, 0);
        var b = CameraFrame.Empty(800, 600, 1);
        using var decoded = SKBitmap.Decode(a);
        Assert.Equal((800, 600), (decoded.Width, decoded.Height));
        Assert.NotEqual(Convert.ToHexString(a), Convert.ToHexString(b));
    }

    [Fact]
    public void A_photo_that_is_not_an_image_is_refused_with_a_clear_error()
    {
        var e = Assert.Throws<InvalidDataException>(() => CameraFrame.Around([1, 2, 3], 640, 480, 0));
        Assert.Contains("not a decodable image", e.Message);
    }
}
