using AccessGrid.Vision.Liveness;

namespace AccessGrid.Vision.Tests.Liveness;

public sealed class BlinkDetectorTests
{
    private static readonly LivenessOptions Options = new() { BlinkClosedRatio = 0.85f, BlinkOpenRatio = 0.95f, MaxBlinkFrames = 3, MinBlinkBurstFrames = 8 };
    private readonly RelativeEarBlinkDetector _detector = new(Options);

    [Fact]
    public void The_eye_aspect_ratio_of_a_synthetic_face_follows_the_eyelid_gap()
    {
        Assert.Equal(0.30f, EyeOpenness.Of(Face(0.30f), BlinkMeasure.EyeAspectRatio), 4);
        Assert.Equal(0.10f, EyeOpenness.Of(Face(0.10f), BlinkMeasure.EyeAspectRatio), 4);
    }

    [Fact]
    public void Lid_gap_over_nose_ignores_a_print_tilted_forwards_which_fakes_a_dip_in_the_eye_aspect_ratio()
    {
        // Tilting a flat print about the horizontal axis shrinks every vertical distance alike.
        var upright = Face(0.30f);
        var tilted = upright.Select(p => new PointF(p.X, 100 + (p.Y - 100) * 0.8f)).ToArray();
        Assert.Equal(0.8f * EyeOpenness.Of(upright, BlinkMeasure.EyeAspectRatio), EyeOpenness.Of(tilted, BlinkMeasure.EyeAspectRatio), 4);
        Assert.Equal(EyeOpenness.Of(upright, BlinkMeasure.LidGapOverNose), EyeOpenness.Of(tilted, BlinkMeasure.LidGapOverNose), 4);

        var detector = new RelativeEarBlinkDetector(Options with { BlinkMeasure = BlinkMeasure.LidGapOverNose });
        PointF[]?[] print = [.. Enumerable.Repeat(upright, 10), tilted, .. Enumerable.Repeat(upright, 10)];
        Assert.False(detector.Detect(print).Blinked);
        Assert.True(_detector.Detect(print).Blinked);
        Assert.True(detector.Detect(Track([.. Enumerable.Repeat(0.30f, 10), 0.22f, .. Enumerable.Repeat(0.30f, 10)])).Blinked);
    }

    [Fact]
    public void A_one_frame_blink_in_a_steady_track_is_found()
    {
        var track = Track([.. Enumerable.Repeat(0.30f, 10), 0.22f, .. Enumerable.Repeat(0.30f, 10)]);
        var result = _detector.Detect(track);
        Assert.True(result.Blinked);
        Assert.Equal(0.22f / 0.30f, result.LowestRatio, 3);
        Assert.Equal(21, result.FramesMeasured);
    }

    [Fact]
    public void A_steady_track_with_no_dip_has_no_blink()
    {
        Assert.False(_detector.Detect(Track([.. Enumerable.Repeat(0.30f, 25)])).Blinked);
    }

    [Fact]
    public void A_noisy_print_like_track_within_a_few_percent_of_its_median_has_no_blink()
    {
        var random = new Random(11);
        var ears = Enumerable.Range(0, 60).Select(_ => 0.28f * (1 + (float)(random.NextDouble() - 0.5) * 0.12f)).ToArray();
        var result = _detector.Detect(Track(ears));
        Assert.False(result.Blinked);
        Assert.True(result.LowestRatio > 0.9f);
    }

    [Fact]
    public void Eyes_closed_for_longer_than_a_blink_or_until_the_end_do_not_count()
    {
        Assert.False(_detector.Detect(Track([.. Enumerable.Repeat(0.30f, 10), .. Enumerable.Repeat(0.20f, 6), .. Enumerable.Repeat(0.30f, 10)])).Blinked);
        Assert.False(_detector.Detect(Track([.. Enumerable.Repeat(0.30f, 12), 0.20f])).Blinked);
    }

    [Fact]
    public void A_burst_too_short_for_a_median_claims_no_blink_and_missing_frames_are_skipped()
    {
        Assert.False(_detector.Detect(Track([0.30f, 0.30f, 0.20f, 0.30f, 0.30f])).Blinked);
        PointF[]?[] withGaps = [.. Track([.. Enumerable.Repeat(0.30f, 5)]), null, .. Track([0.22f, 0.30f, 0.30f, 0.30f, 0.30f])];
        Assert.True(_detector.Detect(withGaps).Blinked);
    }

    [Fact]
    public void The_ratio_is_relative_to_the_burst_so_narrow_eyes_blink_the_same()
    {
        var narrow = Track([.. Enumerable.Repeat(0.15f, 10), 0.11f, .. Enumerable.Repeat(0.15f, 10)]);
        Assert.True(_detector.Detect(narrow).Blinked);
    }

    internal static PointF[]?[] Track(IEnumerable<float> ears) => [.. ears.Select(Face)];

    /// <summary>68 points with both eyes 40 px wide and the given eye-aspect ratio, a 50 px nose (27–33); the rest
    /// at the origin.</summary>
    internal static PointF[] Face(float ear)
    {
        var points = new PointF[68];
        points[27] = new(170, 100);
        points[33] = new(170, 150);
        foreach (var (first, left) in new[] { (36, 100f), (42, 200f) })
        {
            float gap = ear * 40 / 2;
            points[first] = new(left, 100);
            points[first + 1] = new(left + 13, 100 - gap);
            points[first + 2] = new(left + 27, 100 - gap);
            points[first + 3] = new(left + 40, 100);
            points[first + 4] = new(left + 27, 100 + gap);
            points[first + 5] = new(left + 13, 100 + gap);
        }
        return points;
    }
}
