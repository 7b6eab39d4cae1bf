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
        Assert.Equal(1f, crop.Coverage, 5);
        Assert.Equal(0, crop.Rect.X);
        Assert.Equal(109, crop.Rect.Width);
    }

    [Fact]
    public void A_large_face_shrinks_the_scale_to_fit_and_coverage_reports_the_lost_context()
    {
        // 479 / 240 = 1.996: the context shrinks from 2.7× to ≈ 2.0×, (2.0 / 2.7)² ≈ 0.546 of the area wanted.
        var crop = ContextCrop.Compute(new FaceBox(220, 120, 200, 240), 640, 480, 2.7f);
        Assert.Equal(MathF.Pow(479f / 240 / 2.7f, 2), crop.Coverage, 4);
        Assert.Equal(0, crop.Rect.Y);
        Assert.Equal(480, crop.Rect.Height);
        Assert.True(crop.Rect.X >= 0 && crop.Rect.X + crop.Rect.Width <= 640);
    }

    [Theory]
    [InlineData(100, 1.0f)]
    [InlineData(177, 1.0f)]    // 479 / 177 = 2.706: still the full context
    [InlineData(250, 0.504f)]  // (479 / 250 / 2.7)²: just above the undecidable line
    [InlineData(470, 0.143f)]
    public void Coverage_is_the_squared_scale_ratio(int side, float expected)
    {
        var crop = ContextCrop.Compute(new FaceBox(320 - side / 2f, 240 - side / 2f, side, side), 640, 480, 2.7f);
        Assert.Equal(expected, crop.Coverage, 2);
    }
}
