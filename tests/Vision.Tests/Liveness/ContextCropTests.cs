using AccessGrid.Vision.Liveness;

namespace AccessGrid.Vision.Tests.Liveness;

public sealed class ContextCropTests
{
    [Fact]
    public void A_small_central_face_gets_the_full_2_7x_context_centred_on_it()
    {
        var crop = ContextCrop.Compute(new FaceBox(300, 200, 40, 50), 640, 480, 2.7f);
        Assert.Equal(1f, crop.Coverage, 5);
        // 40 × 2.7 = 108 wide, 50 × 2.7 = 135 high around the centre (320, 225): x 266..374, y 157.5..292.5.
        Assert.Equal(new PixelRect(266, 157, 109, 136), crop.Rect);
    }

    [Fact]
    public void A_face_near_the_left_edge_is_shifted_inside_not_cut()
    {
        var crop = ContextCrop.Compute(new FaceBox(5, 200, 40, 40), 640, 480, 2.7f);
        // Wanted x −29..79: 79 of its 108 px are inside the frame; the crop itself keeps the full 108 px.
        Assert.Equal(79f / 108f, crop.Coverage, 4);
        Assert.Equal(0, crop.Rect.X);
        Assert.Equal(109, crop.Rect.Width);
    }

    [Fact]
    public void A_large_face_shrinks_the_scale_to_fit_and_coverage_reports_the_context_inside_the_frame()
    {
        // 479 / 240 = 1.996: the crop shrinks from 2.7× to ≈ 2.0×. Wanted: 540 × 648 centred on (320, 240);
        // inside the 640 × 480 frame: 540 × 480.
        var crop = ContextCrop.Compute(new FaceBox(220, 120, 200, 240), 640, 480, 2.7f);
        Assert.Equal(480f / 648f, crop.Coverage, 4);
        Assert.Equal(0, crop.Rect.Y);
        Assert.Equal(480, crop.Rect.Height);
        Assert.True(crop.Rect.X >= 0 && crop.Rect.X + crop.Rect.Width <= 640);
    }

    [Theory]
    [InlineData(100, 1.0f)]
    [InlineData(177, 1.0f)]    // 177 × 2.7 = 478: still inside the 480 px height
    [InlineData(300, 0.468f)]  // wanted 810²; inside 640 × 480
    [InlineData(470, 0.191f)]  // wanted 1269²; inside 640 × 480
    public void Coverage_is_the_share_of_the_wanted_context_inside_the_frame(int side, float expected)
    {
        var crop = ContextCrop.Compute(new FaceBox(320 - side / 2f, 240 - side / 2f, side, side), 640, 480, 2.7f);
        Assert.Equal(expected, crop.Coverage, 2);
        Assert.Equal(Math.Min(1f, 640f * 480f / (side * 2.7f * side * 2.7f)), crop.Coverage, 4);
    }
}
