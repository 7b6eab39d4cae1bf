namespace AccessGrid.Vision.Liveness;

/// <summary>Combines a burst's per-frame evidence into one verdict. The passive score is the median over the
/// decidable frames (robust to a few frames of motion blur or a bad detection); a required blink must be found
/// on top of it. The rules, in order:
/// no decidable frame, or fewer than <see cref="LivenessOptions.MinDecidableShare"/> of the tracked frames
/// decidable → Undecidable; median below <see cref="LivenessOptions.PassiveThreshold"/> → Spoof; blink required
/// and not found → Undecidable; otherwise Live.</summary>
public sealed class BurstEvaluator(LivenessOptions options, IBlinkDetector blinkDetector)
{
    public BurstEvaluator(LivenessOptions options) : this(options, new RelativeEarBlinkDetector(options)) { }

    public LivenessResult Evaluate(IReadOnlyList<LivenessFrame> frames, bool requireBlink)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var tracked = frames.Where(f => f.Passive is not null).ToArray();
        var scores = tracked.Where(f => f.Passive!.IsDecidable).Select(f => f.Passive!.LiveScore!.Value).ToArray();
        int undecidable = tracked.Length - scores.Length;
        var blink = blinkDetector.Detect([.. frames.Select(f => f.Landmarks)]).Blinked;

        if (tracked.Length == 0)
            return new(LivenessVerdict.Undecidable, null, blink, 0, 0, "no face was tracked in the burst");
        if (scores.Length == 0 || scores.Length < options.MinDecidableShare * tracked.Length)
            return new(LivenessVerdict.Undecidable, scores.Length > 0 ? Median.Of(scores) : null, blink, scores.Length, undecidable,
                $"{undecidable} of {tracked.Length} frames show the face too close to the edges to judge");

        float score = Median.Of(scores);
        if (score < options.PassiveThreshold)
            return new(LivenessVerdict.Spoof, score, blink, scores.Length, undecidable,
                $"live score {score:F3} is below {options.PassiveThreshold:F3}");
        if (requireBlink && !blink)
            return new(LivenessVerdict.Undecidable, score, blink, scores.Length, undecidable, "no blink in the burst");
        return new(LivenessVerdict.Live, score, blink, scores.Length, undecidable,
            requireBlink ? $"live score {score:F3} and a blink" : $"live score {score:F3}");
    }
}
