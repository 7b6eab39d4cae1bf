namespace AccessGrid.Vision.Tests.Pipeline;

public sealed class ChipExtractorTests
{
    /// <summary>68 points whose alignment subset sits exactly on the template moved by (dx, dy) and scaled.</summary>
    private static PointF[] LandmarksOnTemplate(float scale, float dx, float dy)
    {
        var points = new PointF[68];
        for (int i = 0; i < DlibMeanFace.AlignmentPoints.Length; i++)
        {
            var t = DlibMeanFace.ChipTemplate[i];
            points[DlibMeanFace.AlignmentPoints[i]] = new PointF(t.X * scale + dx, t.Y * scale + dy);
        }
        return points;
    }

    private static RgbImage Noise(int width, int height, int seed)
    {
        var pixels = new byte[width * height * 3];
        new Random(seed).NextBytes(pixels);
        return new RgbImage(width, height, pixels);
    }

    [Fact]
    public void Landmarks_on_the_template_give_the_pixels_under_it()
    {
        var image = Noise(200, 180, 1);
        var chip = ChipExtractor.Extract(image, LandmarksOnTemplate(1, 20, 10));

        Assert.Equal(150f, chip.SourceSide, 3);
        for (int y = 0; y < 150; y += 7)
            for (int x = 0; x < 150; x += 7)
                for (int c = 0; c < 3; c++)
                    Assert.Equal(image.Pixels[((y + 10) * 200 + x + 20) * 3 + c], chip.Pixels[(y * 150 + x) * 3 + c], 2);
    }

    [Fact]
    public void A_jittered_chip_is_the_plain_chip_shifted_and_no_jitter_changes_nothing()
    {
        var image = Noise(240, 220, 3);
        var landmarks = LandmarksOnTemplate(1, 40, 30);
        var plain = ChipExtractor.Extract(image, landmarks);

        Assert.Equal(plain.Pixels, ChipExtractor.Extract(image, landmarks, new ChipJitter(0, 1, 0, 0)).Pixels);
        var shifted = ChipExtractor.Extract(image, landmarks, new ChipJitter(0, 1, 3, 2));
        for (int y = 0; y < 140; y += 7)
            for (int x = 0; x < 140; x += 7)
                Assert.Equal(plain.Pixels[((y + 2) * 150 + x + 3) * 3], shifted.Pixels[(y * 150 + x) * 3], 2);
        var random = new Random(1);
        for (int i = 0; i < 100; i++)
        {
            var j = ChipJitter.Random(random);
            Assert.InRange(j.RotationDegrees, -3, 3);
            Assert.InRange(j.Zoom, 0.98 / 0.99, 0.98 / 0.97);
            Assert.InRange(Math.Max(Math.Abs(j.ShiftX), Math.Abs(j.ShiftY)), 0, 3);
        }
    }

    [Fact]
    public void Outside_the_image_is_black()
    {
        var image = TestImages.Solid(100, 100, 200, 200, 200);
        var chip = ChipExtractor.Extract(image, LandmarksOnTemplate(1, -60, 0)); // chip columns 0..59 fall left of the image
        Assert.Equal(0f, chip.Pixels[(75 * 150 + 10) * 3]);
        Assert.Equal(200f, chip.Pixels[(75 * 150 + 100) * 3], 3);
    }

    [Fact]
    public void Large_faces_are_averaged_not_aliased()
    {
        // Vertical stripes one source pixel wide; the chip shrinks them 2×: plain point sampling would keep the
        // stripes at full contrast, averaging gives an even grey.
        var image = TestImages.Solid(400, 400, 0, 0, 0);
        for (int i = 0; i < image.Pixels.Length; i += 3)
            if ((i / 3 % 400) % 2 == 0) image.Pixels[i] = image.Pixels[i + 1] = image.Pixels[i + 2] = 255;
        var chip = ChipExtractor.Extract(image, LandmarksOnTemplate(2, 20, 20));

        Assert.Equal(300f, chip.SourceSide, 2);
        var centre = Enumerable.Range(60, 30).Select(x => chip.Pixels[(75 * 150 + x) * 3]).ToList();
        Assert.All(centre, v => Assert.InRange(v, 100f, 155f));
    }

    [Fact]
    public void Wrong_landmark_count_is_a_clear_error() =>
        Assert.Throws<ArgumentException>(() => ChipExtractor.Extract(TestImages.Solid(10, 10, 0, 0, 0), new PointF[5]));
}
