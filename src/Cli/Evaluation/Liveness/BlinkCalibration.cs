using AccessGrid.Vision.Liveness;

namespace AccessGrid.Cli.Evaluation.Liveness;

/// <summary>Chooses the blink measure and closed-eye ratio on calibration sessions: among the (measure, ratio)
/// pairs at which no attack session shows a blink, those that find the most live blinks (ties: the eye-aspect
/// ratio first); the ratio is the middle of that measure's range (margin on both sides). When every pair lets an
/// attack blink, or none finds a live blink, the defaults stay and the choice is flagged.</summary>
public static class BlinkCalibration
{
    public const float Lowest = 0.70f, Highest = 0.94f, Step = 0.01f;

    public static BlinkChoice Choose(IReadOnlyList<ScoredFrame> frames, LivenessOptions options)
    {
        var tracker = new PrimaryFaceTracker(options);
        var tracks = SessionBursts.Sessions(frames).Select(s =>
        {
            var indices = tracker.Track([.. s.Select(f => f.Faces)]);
            return (Live: s[0].Sample.Live, Landmarks: s.Select((f, i) => indices[i] is { } k ? f.Faces[k].Landmarks : null).ToArray());
        }).ToArray();

        var sweep = new List<BlinkSweepPoint>();
        foreach (var measure in Enum.GetValues<BlinkMeasure>())
        for (int step = 0; Lowest + step * Step <= Highest + 1e-4f; step++)
        {
            float ratio = MathF.Round(Lowest + step * Step, 2);
            var detector = new RelativeEarBlinkDetector(options with { BlinkMeasure = measure, BlinkClosedRatio = ratio });
            int live = tracks.Count(t => t.Live && detector.Detect(t.Landmarks).Blinked);
            int spoof = tracks.Count(t => !t.Live && detector.Detect(t.Landmarks).Blinked);
            sweep.Add(new BlinkSweepPoint(measure, ratio, live, spoof));
        }
        var safe = sweep.Where(s => s.SpoofBlinks == 0 && s.LiveBlinks > 0).ToArray();
        if (safe.Length == 0) return new BlinkChoice(options.BlinkMeasure, options.BlinkClosedRatio, sweep, false);
        int best = safe.Max(s => s.LiveBlinks);
        var chosen = safe.Where(s => s.LiveBlinks == best).OrderBy(s => s.Measure).First().Measure;
        var plateau = safe.Where(s => s.LiveBlinks == best && s.Measure == chosen).Select(s => s.Ratio).ToArray();
        return new BlinkChoice(chosen, MathF.Round((plateau.Min() + plateau.Max()) / 2, 3), sweep, true);
    }
}

/// <param name="SeparatesOnCalibration">False when no (measure, ratio) found a live blink without an attack blink.</param>
public sealed record BlinkChoice(BlinkMeasure Measure, float ClosedRatio, IReadOnlyList<BlinkSweepPoint> Sweep, bool SeparatesOnCalibration);

/// <summary>Calibration sessions with a blink found at one measure and closed-eye ratio.</summary>
public sealed record BlinkSweepPoint(BlinkMeasure Measure, float Ratio, int LiveBlinks, int SpoofBlinks);
