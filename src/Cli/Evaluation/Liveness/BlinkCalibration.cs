using AccessGrid.Vision.Liveness;

namespace AccessGrid.Cli.Evaluation.Liveness;

/// <summary>Chooses the blink detector's closed-eye ratio on calibration sessions: among the ratios at which no
/// attack session shows a blink, those that find the most live blinks; the middle of that range (margin on both
/// sides). When every ratio lets an attack blink, the strictest ratio tried.</summary>
public static class BlinkCalibration
{
    public const float Lowest = 0.70f, Highest = 0.94f, Step = 0.01f;

    public static BlinkChoice Choose(IReadOnlyList<ScoredFrame> frames, LivenessOptions options, IPassiveLivenessScorer scorer)
    {
        var sessions = SessionBursts.Sessions(frames).ToArray();
        var tracker = new PrimaryFaceTracker(options);
        var tracks = sessions.Select(s =>
        {
            var indices = tracker.Track([.. s.Select(f => f.Faces)]);
            return (Live: s[0].Sample.Live, Landmarks: s.Select((f, i) => indices[i] is { } k ? f.Faces[k].Landmarks : null).ToArray());
        }).ToArray();

        var sweep = new List<BlinkSweepPoint>();
        for (float r = Lowest; r <= Highest + 1e-4f; r += Step)
        {
            var detector = new RelativeEarBlinkDetector(options with { BlinkClosedRatio = MathF.Round(r, 2) });
            int live = tracks.Count(t => t.Live && detector.Detect(t.Landmarks).Blinked);
            int spoof = tracks.Count(t => !t.Live && detector.Detect(t.Landmarks).Blinked);
            sweep.Add(new BlinkSweepPoint(MathF.Round(r, 2), live, spoof));
        }
        var safe = sweep.Where(s => s.SpoofBlinks == 0).ToArray();
        if (safe.Length == 0) return new BlinkChoice(Lowest, sweep, false);
        int best = safe.Max(s => s.LiveBlinks);
        var plateau = safe.Where(s => s.LiveBlinks == best).Select(s => s.Ratio).ToArray();
        return new BlinkChoice(MathF.Round((plateau.Min() + plateau.Max()) / 2, 3), sweep, true);
    }
}

/// <param name="SeparatesOnCalibration">False when some attack session blinked at every ratio tried.</param>
public sealed record BlinkChoice(float ClosedRatio, IReadOnlyList<BlinkSweepPoint> Sweep, bool SeparatesOnCalibration);

/// <summary>Calibration sessions with a blink found at one closed-eye ratio.</summary>
public sealed record BlinkSweepPoint(float Ratio, int LiveBlinks, int SpoofBlinks);
