using AccessGrid.Vision;

namespace AccessGrid.Grains.Tests;

public sealed class DecisionThresholdsTests
{
    private readonly DecisionThresholds _t = new();

    [Fact]
    public void The_identification_threshold_tightens_as_the_gallery_grows()
    {
        var sizes = new[] { 1, 11, 100, 1_000, 10_000, 100_000 };
        var thresholds = sizes.Select(_t.IdentifyThreshold).ToArray();
        for (var i = 1; i < thresholds.Length; i++) Assert.True(thresholds[i] <= thresholds[i - 1], $"{sizes[i]}: {thresholds[i]} > {thresholds[i - 1]}");
        Assert.True(thresholds[^1] < thresholds[1]);
    }

    [Fact]
    public void The_one_to_k_rule_needs_the_threshold_and_the_runner_up_margin()
    {
        var t = _t.IdentifyThreshold(100);
        Assert.True(_t.Identifies(t, float.PositiveInfinity, 100)); // alone in the gallery
        Assert.False(_t.Identifies(t + 0.001f, float.PositiveInfinity, 100));
        Assert.True(_t.Identifies(0.1f, 0.1f + _t.IdentifyMargin, 100));
        Assert.False(_t.Identifies(0.1f, 0.1f + _t.IdentifyMargin - 0.001f, 100));
        Assert.True(DecisionThresholds.Accepts(0.3f, 0.3f, 0.3f, 0));
    }

    [Fact]
    public void Identification_is_always_stricter_than_verification_and_stays_in_bounds()
    {
        foreach (var n in new[] { 0, 1, 2, 11, 10_000, int.MaxValue })
        {
            var t = _t.IdentifyThreshold(n);
            Assert.True(t < _t.VerifyMaxDistance);
            Assert.InRange(t, _t.IdentifyFloor, _t.IdentifyCeiling);
        }
    }

    [Fact]
    public void The_threshold_meets_the_target_rate_on_the_calibration_line()
    {
        // At the low calibration point FMR is FmrLow.Rate, so a gallery of FPIR / rate people gets exactly that distance.
        var n = (int)Math.Round(_t.TargetFpir / _t.FmrLow.Rate);
        Assert.Equal(_t.FmrLow.Distance, _t.IdentifyThreshold(n), 3);
    }
}
