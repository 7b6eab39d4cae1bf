using AccessGrid.Vision;
using AccessGrid.Vision.Liveness;

namespace AccessGrid.Cli.Evaluation.Liveness;

/// <summary>Scores every frame once, calibrates the live-score threshold (BPCER ≤ 3 %) and, with bursts, the
/// blink ratio on the calibration subjects, then reports on the test subjects only.</summary>
public static class LivenessEvaluation
{
    public const double CalibrationBpcer = 0.03;

    public static (LivenessReport Report, LiveScores TestScores, IReadOnlyList<ScoredFrame> Frames) Run(
        IReadOnlyList<LivenessSample> calibration, IReadOnlyList<LivenessSample> test, string split, bool bursts,
        FacePipeline pipeline, IPassiveLivenessScorer scorer, LivenessOptions options, TextWriter progress, CancellationToken ct)
    {
        var scored = FrameScoring.Run([.. calibration, .. test], pipeline, scorer, progress, ct);
        var calibrated = scored.Take(calibration.Count).ToArray();
        var tested = scored.Skip(calibration.Count).ToArray();

        var calibrationScores = Scores(calibrated);
        float threshold = calibrationScores.ThresholdAtBpcer(CalibrationBpcer);
        var testScores = Scores(tested);

        BurstFigures? burstFigures = null;
        if (bursts)
        {
            progress.WriteLine("liveness: calibrating the blink ratio and evaluating sessions");
            var blink = BlinkCalibration.Choose(calibrated, options);
            // Bursts run as a door would: the default passive threshold, the blink rule chosen on calibration.
            var tuned = options with { BlinkMeasure = blink.Measure, BlinkClosedRatio = blink.ClosedRatio };
            var sessions = SessionBursts.Evaluate(tested, tuned, scorer);
            burstFigures = Figures(sessions, blink);
        }

        // Undecidable faces skip the model: only frames whose primary face was scored measure the passive cost.
        var passive = scored.Where(f => f.Primary is { IsDecidable: true }).Select(f => f.Cost).ToArray();
        var passiveCpu = passive.Select(c => c.PassiveCpuMs).Order().ToArray();
        double Mean(IEnumerable<double> values) => values.DefaultIfEmpty(0).Average();
        double pipelineCpu = Mean(scored.Select(f => f.Cost.PipelineCpuMs));
        var report = new LivenessReport
        {
            Split = split,
            CalibrationSubjects = [.. calibration.Select(s => s.Subject).Distinct().Order(StringComparer.Ordinal)],
            TestSubjects = [.. test.Select(s => s.Subject).Distinct().Order(StringComparer.Ordinal)],
            Auc = testScores.Auc,
            ApcerAtBpcer1 = testScores.ApcerAtBpcer(0.01),
            ApcerAtBpcer3 = testScores.ApcerAtBpcer(0.03),
            BpcerAtApcer5 = testScores.BpcerAtApcer(0.05),
            Threshold = threshold,
            ApcerAtThreshold = testScores.Apcer(threshold),
            BpcerAtThreshold = testScores.Bpcer(threshold),
            DoorThreshold = options.PassiveThreshold,
            ApcerAtDoorThreshold = testScores.Apcer(options.PassiveThreshold),
            BpcerAtDoorThreshold = testScores.Bpcer(options.PassiveThreshold),
            FramesLive = testScores.LiveCount,
            FramesSpoof = testScores.SpoofCount,
            Undecidable = tested.Count(f => f.Primary is { IsDecidable: false }),
            NoFace = tested.Count(f => f.Problem is not null),
            MsPerFrame = Mean(passiveCpu),
            MsPerFrameP95 = passiveCpu.Length > 0 ? passiveCpu[(int)(0.95 * (passiveCpu.Length - 1))] : 0,
            WallMsPerFrame = Mean(passive.Select(c => c.PassiveMs)),
            PipelineMsPerFrame = pipelineCpu,
            Burst30CpuMs = 30 * (pipelineCpu + Mean(passiveCpu)),
            Bursts = burstFigures,
        };
        return (report, testScores, scored);
    }

    private static LiveScores Scores(IReadOnlyList<ScoredFrame> frames) =>
        new([.. frames.Where(f => f.Sample.Live).Select(f => f.Primary?.LiveScore)],
            [.. frames.Where(f => !f.Sample.Live).Select(f => f.Primary?.LiveScore)]);

    private static BurstFigures Figures(IReadOnlyList<SessionOutcome> sessions, BlinkChoice blink)
    {
        var live = sessions.Where(s => s.Live).ToArray();
        var spoof = sessions.Where(s => !s.Live).ToArray();
        static double Share(IReadOnlyList<SessionOutcome> of, Func<SessionOutcome, bool> which) => of.Count == 0 ? 0 : (double)of.Count(which) / of.Count;
        return new BurstFigures(
            live.Length, spoof.Length,
            ActiveApcer: Share(spoof, s => s.Active.Verdict == LivenessVerdict.Live),
            ActiveBpcer: Share(live, s => s.Active.Verdict != LivenessVerdict.Live),
            PassiveApcer: Share(spoof, s => s.Passive.Verdict == LivenessVerdict.Live),
            PassiveBpcer: Share(live, s => s.Passive.Verdict != LivenessVerdict.Live),
            blink.Measure, blink.ClosedRatio, blink.SeparatesOnCalibration, blink.Sweep,
            [.. sessions.Select(s => new SessionRow(s.Session, s.Live, s.Frames, s.Passive.Verdict.ToString(), s.Active.Verdict.ToString(),
                s.Active.Score, s.Active.Blink, s.LowestEarRatio, s.Active.FramesUsed, s.Active.UndecidableFrames))]);
    }
}
