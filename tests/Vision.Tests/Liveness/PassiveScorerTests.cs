using AccessGrid.Vision.Liveness;
using AccessGrid.Vision.Tests.Pipeline;

namespace AccessGrid.Vision.Tests.Liveness;

public sealed class PassiveScorerTests(MiniFasNetFixture model) : IClassFixture<MiniFasNetFixture>
{
    [Fact]
    public void A_face_whose_context_is_mostly_outside_the_frame_is_undecidable_never_scored()
    {
        var image = LivenessTensorTests.Synthetic(640, 480);
        // 300 × 2.7 = 810 px wanted each way; 640 × 480 of it is inside: 0.47, less than half.
        var tooClose = model.Scorer.Score(image, new FaceBox(170, 90, 300, 300));
        Assert.False(tooClose.IsDecidable);
        Assert.Null(tooClose.LiveScore);
        Assert.True(tooClose.Coverage < 0.5f);

        // 280 × 2.7 = 756: 0.54 inside — scored.
        var justInside = model.Scorer.Score(image, new FaceBox(180, 100, 280, 280));
        Assert.True(justInside.IsDecidable);
        Assert.InRange(justInside.LiveScore!.Value, 0f, 1f);
    }

    [Fact]
    public void The_rule_follows_the_options()
    {
        using var lenient = MiniFasNetScorer.Load(TestSupport.RepoPaths.ModelsDirectory, new LivenessOptions { MinContextCoverage = 0.1f });
        Assert.True(lenient.Score(LivenessTensorTests.Synthetic(640, 480), new FaceBox(170, 90, 300, 300)).IsDecidable);
    }

    [Fact]
    public void The_checker_tracks_scores_and_decides_a_burst_of_real_frames()
    {
        using var pipeline = FacePipeline.Load(TestSupport.RepoPaths.ModelsDirectory);
        var bytes = PipelineFixture.SampleBytes(1);
        var frame = new LivenessBurstFrame(TestImages.Decode(bytes), pipeline.Analyze(bytes));
        var checker = new LivenessChecker(model.Scorer, new LivenessOptions());

        var burst = checker.Check([frame, frame, frame], requireBlink: false);
        Assert.All(burst.Track, f => Assert.Same(frame.Analysis.Primary, f));
        Assert.Equal(3, burst.Result.FramesUsed);
        Assert.NotEqual(LivenessVerdict.Undecidable, burst.Result.Verdict);
        // The same frame three times cannot show a blink: an active check is at best unproven.
        var active = checker.Check([frame, frame, frame], requireBlink: true).Result;
        Assert.False(active.Blink);
        Assert.Equal(burst.Result.Verdict == LivenessVerdict.Live ? LivenessVerdict.Undecidable : LivenessVerdict.Spoof, active.Verdict);
    }
}
