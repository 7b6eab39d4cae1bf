namespace AccessGrid.Vision.Tests.Pipeline;

public sealed class FaceQualityMeterTests
{
    private static FaceChip Chip(Func<int, int, float> grey)
    {
        var pixels = new float[150 * 150 * 3];
        for (int y = 0; y < 150; y++)
            for (int x = 0; x < 150; x++)
                pixels[(y * 150 + x) * 3] = pixels[(y * 150 + x) * 3 + 1] = pixels[(y * 150 + x) * 3 + 2] = grey(x, y);
        return new FaceChip(pixels, 120);
    }

    /// <summary>Eyes level 40 px apart, nose tip on the midline below them.</summary>
    private static PointF[] FrontalLandmarks(float noseShift = 0)
    {
        var points = new PointF[68];
        for (int i = 36; i < 42; i++) points[i] = new PointF(80, 100);
        for (int i = 42; i < 48; i++) points[i] = new PointF(120, 100);
        points[30] = new PointF(100 + noseShift, 130);
        return points;
    }

    [Fact]
    public void Sharp_detail_scores_higher_than_smooth_shading()
    {
        var checker = FaceQualityMeter.Measure(Chip((x, y) => (x + y) % 2 == 0 ? 200 : 50), FrontalLandmarks());
        var smooth = FaceQualityMeter.Measure(Chip((x, _) => x), FrontalLandmarks());
        Assert.True(checker.Sharpness > 100 * smooth.Sharpness + 1, $"{checker.Sharpness} vs {smooth.Sharpness}");
    }

    [Fact]
    public void Brightness_is_the_mean_grey_level()
    {
        Assert.Equal(1f, FaceQualityMeter.Measure(Chip((_, _) => 255), FrontalLandmarks()).Brightness, 3);
        Assert.Equal(0.5f, FaceQualityMeter.Measure(Chip((_, _) => 127.5f), FrontalLandmarks()).Brightness, 3);
        Assert.Equal(120f, FaceQualityMeter.Measure(Chip((_, _) => 0), FrontalLandmarks()).SizePx);
    }

    [Fact]
    public void Pose_reads_roll_from_the_eyes_and_yaw_from_the_nose()
    {
        var (roll, yaw) = FaceQualityMeter.Pose(FrontalLandmarks());
        Assert.Equal(0, roll, 3);
        Assert.Equal(0, yaw, 3);

        Assert.Equal(45, FaceQualityMeter.Pose(FrontalLandmarks(noseShift: 20)).YawDegrees, 2);
        Assert.True(FaceQualityMeter.Pose(FrontalLandmarks(noseShift: -8)).YawDegrees < -10);

        var tilted = FrontalLandmarks();
        for (int i = 42; i < 48; i++) tilted[i] = new PointF(80 + 40 * MathF.Cos(0.2f), 100 + 40 * MathF.Sin(0.2f));
        Assert.Equal(0.2 * 180 / Math.PI, FaceQualityMeter.Pose(tilted).RollDegrees, 2);
    }
}
