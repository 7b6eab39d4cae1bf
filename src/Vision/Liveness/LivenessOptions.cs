namespace AccessGrid.Vision.Liveness;

/// <summary>Every liveness threshold in one place. Defaults were checked on the NUAA training split with subjects
/// split (docs/benchmarks.md, "Liveness"); a deployment with other cameras should re-run `accessgrid eval liveness`
/// and adjust.</summary>
public sealed record LivenessOptions
{
    /// <summary>Context crop side over face box side: the Silent-Face training scale for MiniFASNet.</summary>
    public float ContextScale { get; init; } = 2.7f;

    /// <summary>Below this share of the wanted 2.7× context area inside the frame, a face is undecidable (0.5 =
    /// "the context is mostly outside the frame").</summary>
    public float MinContextCoverage { get; init; } = 0.5f;

    /// <summary>A burst's aggregated live score (median over frames) must reach this to be live. 0.5 (the model's own
    /// decision point): on the NUAA calibration subjects every threshold from 0.31 (highest printed-photo frame) to
    /// 0.997 (1 % quantile of live frames) separates them, and 0.5 leaves room on the side where other cameras and
    /// tighter framing push live faces (towards "spoof", shared/notes/liveness.md).</summary>
    public float PassiveThreshold { get; init; } = 0.5f;

    /// <summary>How eye opening is measured from the 68 landmarks (see <see cref="EyeOpenness"/>).</summary>
    public BlinkMeasure BlinkMeasure { get; init; } = BlinkMeasure.EyeAspectRatio;

    /// <summary>A frame's eyes are closed when its eye opening is below this × the burst's median. 0.85 is the value
    /// the notes found with face-api landmarks on four sessions; on the NUAA calibration subjects no ratio (0.70–0.94,
    /// either measure) found a live blink without also finding one in a printed photo, so an "active" check with
    /// these landmarks rejects most live people there (docs/benchmarks.md).</summary>
    public float BlinkClosedRatio { get; init; } = 0.85f;

    /// <summary>A blink must start and end on frames at or above this × the median (eyes open again).</summary>
    public float BlinkOpenRatio { get; init; } = 0.95f;

    /// <summary>Longest run of closed frames that still counts as a blink (longer is eyes shut or a drift).</summary>
    public int MaxBlinkFrames { get; init; } = 3;

    /// <summary>Fewer tracked frames with landmarks than this: no blink can be claimed (no stable median).</summary>
    public int MinBlinkBurstFrames { get; init; } = 8;

    /// <summary>The tracked face continues into the next frame's face with IoU at least this …</summary>
    public float TrackMinIou { get; init; } = 0.3f;

    /// <summary>… or whose centre moved at most this × the tracked box width.</summary>
    public float TrackMaxCentreShift { get; init; } = 0.5f;

    /// <summary>… and, when both have encodings, whose normalised Euclidean distance is at most this (the 1:1
    /// threshold is ≈ 0.41; one person across consecutive frames stays far below).</summary>
    public float TrackMaxEmbeddingDistance { get; init; } = 0.5f;

    /// <summary>A burst is undecidable when fewer than this share of its tracked frames could be scored.</summary>
    public float MinDecidableShare { get; init; } = 0.5f;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        static void Check(bool ok, string name, object value, string rule)
        {
            if (!ok) throw new ArgumentException($"{name} = {value}: {rule}.", name);
        }
        Check(ContextScale >= 1, nameof(ContextScale), ContextScale, "must be at least 1");
        Check(MinContextCoverage is >= 0 and <= 1, nameof(MinContextCoverage), MinContextCoverage, "must be within [0, 1]");
        Check(PassiveThreshold is >= 0 and <= 1, nameof(PassiveThreshold), PassiveThreshold, "must be within [0, 1]");
        Check(BlinkClosedRatio is > 0 and < 1, nameof(BlinkClosedRatio), BlinkClosedRatio, "must be within (0, 1)");
        Check(BlinkOpenRatio > BlinkClosedRatio && BlinkOpenRatio <= 1.5f, nameof(BlinkOpenRatio), BlinkOpenRatio, "must be above BlinkClosedRatio and at most 1.5");
        Check(MaxBlinkFrames >= 1, nameof(MaxBlinkFrames), MaxBlinkFrames, "must be at least 1");
        Check(MinBlinkBurstFrames >= 3, nameof(MinBlinkBurstFrames), MinBlinkBurstFrames, "must be at least 3");
        Check(TrackMinIou is >= 0 and <= 1, nameof(TrackMinIou), TrackMinIou, "must be within [0, 1]");
        Check(TrackMaxCentreShift >= 0, nameof(TrackMaxCentreShift), TrackMaxCentreShift, "must not be negative");
        Check(TrackMaxEmbeddingDistance > 0, nameof(TrackMaxEmbeddingDistance), TrackMaxEmbeddingDistance, "must be positive");
        Check(MinDecidableShare is > 0 and <= 1, nameof(MinDecidableShare), MinDecidableShare, "must be within (0, 1]");
    }
}
