namespace AccessGrid.Vision.Tests.Pipeline;

public sealed class SquareWindowTests
{
    [Fact]
    public void Centred_padding_puts_the_rounded_half_after_like_javascript()
    {
        // 276×263: 13 rows to add; face-api appends Math.round(6.5) = 7 and prepends 6 (Math.Round would give 6/7).
        var wide = SquareWindow.Centered(new PixelRect(0, 0, 276, 263));
        Assert.Equal((0, 6, 276), (wide.PadLeft, wide.PadTop, wide.Side));
        // 130×171: 41 columns; 21 after, 20 before.
        var tall = SquareWindow.Centered(new PixelRect(0, 0, 130, 171));
        Assert.Equal((20, 0, 171), (tall.PadLeft, tall.PadTop, tall.Side));
    }

    [Fact]
    public void Detector_window_pads_bottom_right_only()
    {
        var window = SquareWindow.PadBottomRight(640, 480);
        Assert.Equal((0, 0, 640), (window.PadLeft, window.PadTop, window.Side));
    }

    [Fact]
    public void Square_points_map_back_through_padding_and_crop()
    {
        var window = SquareWindow.Centered(new PixelRect(100, 50, 40, 60)); // 20 columns: 10 before
        Assert.Equal(new PointF(100, 50), window.ToImage(10, 0));
        Assert.Equal(new PointF(139, 109), window.ToImage(49, 59));
    }

    [Fact]
    public void Boxes_are_clipped_then_floored_like_face_api_and_never_empty()
    {
        Assert.Equal(new PixelRect(0, 0, 7, 12), PixelRect.ClipFloor(new FaceBox(-3.5f, -1f, 10.9f, 13.2f), 100, 100));
        Assert.Equal(new PixelRect(90, 95, 9, 4), PixelRect.ClipFloor(new FaceBox(90.7f, 95.2f, 40, 40), 100, 100));
        Assert.Equal(new PixelRect(99, 0, 1, 1), PixelRect.ClipFloor(new FaceBox(120, -50, 10, 10), 100, 100));
    }
}
