using AccessGrid.Vision.Liveness;

namespace AccessGrid.Vision.Tests.Liveness;

public sealed class BurstEvaluatorTests
{
    private static readonly LivenessOptions Options = new() { PassiveThreshold = 0.4f, MinDecidableShare = 0.5f };
    private readonly BurstEvaluator _evaluator = new(Options);

    private static LivenessFrame Frame(float? score, float ear = 0.30f) => new(new PassiveScore(score, score is null ? 0.2f : 1f), BlinkDetectorTests.Face(ear));

    private static LivenessFrame[] Steady(params float?[] scores) => [.. scores.Select(s => Frame(s))];

    [Fact]
    public void The_burst_score_is_the_median_so_one_bad_frame_does_not_decide()
    {
        var result = _evaluator.Evaluate(Steady(0.9f, 0.8f, 0.05f, 0.85f, 0.7f), requireBlink: false);
        Assert.Equal(LivenessVerdict.Live, result.Verdict);
        Assert.Equal(0.8f, result.Score);
        Assert.Equal(5, result.FramesUsed);
    }

    [Fact]
    public void A_low_median_is_spoof()
    {
        var result = _evaluator.Evaluate(Steady(0.1f, 0.2f, 0.9f, 0.3f), requireBlink: false);
        Assert.Equal(LivenessVerdict.Spoof, result.Verdict);
        Assert.Equal(0.25f, result.Score!.Value, 5);
    }

    [Fact]
    public void Mostly_undecidable_frames_make_the_burst_undecidable_never_live()
    {
        var result = _evaluator.Evaluate(Steady(0.99f, null, null, null), requireBlink: false);
        Assert.Equal(LivenessVerdict.Undecidable, result.Verdict);
        Assert.Equal(3, result.UndecidableFrames);
        Assert.Equal(1, result.FramesUsed);
    }

    [Fact]
    public void No_tracked_face_is_undecidable()
    {
        var result = _evaluator.Evaluate([LivenessFrame.Missing, LivenessFrame.Missing], requireBlink: false);
        Assert.Equal(LivenessVerdict.Undecidable, result.Verdict);
        Assert.Null(result.Score);
    }

    [Fact]
    public void An_active_check_needs_a_blink_on_top_of_the_score()
    {
        float[] ears = [.. Enumerable.Repeat(0.30f, 8), 0.22f, .. Enumerable.Repeat(0.30f, 8)];
        var blinking = ears.Select(e => Frame(0.9f, e)).ToArray();
        var staring = ears.Select(_ => Frame(0.9f)).ToArray();

        var live = _evaluator.Evaluate(blinking, requireBlink: true);
        Assert.Equal((LivenessVerdict.Live, true), (live.Verdict, live.Blink));
        var unproven = _evaluator.Evaluate(staring, requireBlink: true);
        Assert.Equal((LivenessVerdict.Undecidable, false), (unproven.Verdict, unproven.Blink));
        Assert.Equal(LivenessVerdict.Live, _evaluator.Evaluate(staring, requireBlink: false).Verdict);
    }

    [Fact]
    public void A_blink_does_not_rescue_a_spoof_score()
    {
        float[] ears = [.. Enumerable.Repeat(0.30f, 8), 0.22f, .. Enumerable.Repeat(0.30f, 8)];
        var result = _evaluator.Evaluate([.. ears.Select(e => Frame(0.1f, e))], requireBlink: true);
        Assert.Equal((LivenessVerdict.Spoof, true), (result.Verdict, result.Blink));
    }

    [Fact]
    public void Invalid_options_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => new LivenessOptions { BlinkClosedRatio = 0.97f }.Validate());
        Assert.Contains(nameof(LivenessOptions.BlinkOpenRatio), e.Message);
        Assert.Throws<ArgumentException>(() => new LivenessOptions { MinContextCoverage = 2 }.Validate());
    }
}
