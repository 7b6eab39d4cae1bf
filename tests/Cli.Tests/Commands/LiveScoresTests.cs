using AccessGrid.Cli.Evaluation.Liveness;

namespace AccessGrid.Cli.Tests.Commands;

public sealed class LiveScoresTests
{
    [Fact]
    public void Operating_points_count_undecidable_live_frames_as_rejected_and_never_as_accepted_attacks()
    {
        // 10 live (one undecidable), 10 attacks (one undecidable).
        float?[] live = [0.95f, 0.9f, 0.85f, 0.8f, 0.7f, 0.6f, 0.5f, 0.4f, 0.35f, null];
        float?[] spoof = [0.05f, 0.1f, 0.15f, 0.2f, 0.25f, 0.3f, 0.45f, 0.55f, 0.02f, null];
        var scores = new LiveScores(live, spoof);

        Assert.Equal(0.1, scores.Bpcer(0.35f), 6);          // only the undecidable one
        Assert.Equal(0.2, scores.Bpcer(0.4f), 6);
        Assert.Equal(0.3, scores.Apcer(0.3f), 6);           // 0.3 itself (≥), 0.45, 0.55
        // BPCER ≤ 20 %: one decidable rejection is allowed on top of the undecidable frame.
        Assert.Equal(0.4f, scores.ThresholdAtBpcer(0.2));
        Assert.Equal(0.2, scores.ApcerAtBpcer(0.2), 6);     // 0.45 and 0.55 reach 0.4
    }

    [Fact]
    public void When_undecidable_frames_alone_exceed_the_bpcer_budget_every_decidable_frame_is_accepted()
    {
        var scores = new LiveScores([0.9f, null, null], [0.1f]);
        Assert.Equal(0.9f, scores.ThresholdAtBpcer(0.03));
        Assert.Equal(2 / 3.0, scores.Bpcer(0.9f), 6);
    }

    [Fact]
    public void Apcer_target_picks_the_loosest_threshold_that_keeps_it()
    {
        var scores = new LiveScores([0.9f, 0.6f, 0.3f, 0.2f], [0.1f, 0.5f, 0.25f, 0.05f]);
        Assert.Equal(0, scores.Apcer(scores.ThresholdAtApcer(0.0)));
        Assert.Equal(0.5, scores.BpcerAtApcer(0.0), 6);     // threshold just above 0.5 rejects 0.3 and 0.2
        Assert.Equal(0.25, scores.BpcerAtApcer(0.25), 6);   // one attack may pass: threshold just above 0.25
        // Live beats attack in 4 + 4 + 3 + 2 of the 16 pairs.
        Assert.Equal(13 / 16.0, scores.Auc, 6);
    }

    [Theory]
    [InlineData("/d/live/0001/0001_00_00_01_105.jpg", true, "0001", "live/0001_00_00_01", 105)]
    [InlineData("/d/spoof/0001_00_00_01_105.jpg", false, "0001", "spoof/0001_00_00_01", 105)]
    [InlineData("/d/live/anna_smile.png", true, "anna", "live/anna_smile", 0)]
    public void Sample_names_give_subject_session_and_frame(string path, bool live, string subject, string session, int frame)
    {
        var sample = LivenessSample.FromPath(path, live);
        Assert.Equal((subject, session, frame), (sample.Subject, sample.Session, sample.Frame));
    }
}
