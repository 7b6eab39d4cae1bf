namespace AccessGrid.Vision;

/// <summary>The decision policy's numbers, all Euclidean distances between L2-normalised encodings.
/// How they were calibrated on lfw-dev, and the seed office check, are in docs/benchmarks.md. Calibration run: every
/// image pair of lfw-dev (4,904 encoded, 12.0 M impostor and 3,123 genuine pairs) with the vision pipeline's defaults:
/// FMR 8.1e-6 at 0.30, 2.2e-4 at 0.35, 1.2e-3 at 0.38 (TAR 0.946), 3.5e-3 at 0.40. Re-run it whenever the pipeline changes.</summary>
public sealed record DecisionThresholds
{
    /// <summary>1:1: accept when the claimed person's best template is at most this far (FMR ≈ 1.2e-3, TAR ≈ 0.95).</summary>
    public float VerifyMaxDistance { get; init; } = 0.38f;

    /// <summary>1:1: reject when another enrolled identity is closer than the claimed one by more than this
    /// (a face that is plainly someone else must not pass just because it is also near the claim).</summary>
    public float VerifyMargin { get; init; } = 0.05f;

    /// <summary>1:K: the false-positive identification rate aimed at (NIST's access-control operating point).</summary>
    public double TargetFpir { get; init; } = 0.003;

    /// <summary>1:K: the rank-1 identity must beat the runner-up identity by at least this much.</summary>
    public float IdentifyMargin { get; init; } = 0.05f;

    /// <summary>Two points of the per-comparison false-match rate (impostor tail on lfw-dev): FMR(distance).
    /// The tail is close to log-linear, so FMR between and beyond them is interpolated on log10.</summary>
    public FalseMatchPoint FmrLow { get; init; } = new(0.30f, 8.1e-6);
    public FalseMatchPoint FmrHigh { get; init; } = new(0.35f, 2.15e-4);

    /// <summary>Bounds of the 1:K threshold: never looser than 1:1 minus a safety gap, never absurdly strict.</summary>
    public float IdentifyFloor { get; init; } = 0.20f;
    public float IdentifyCeiling { get; init; } = 0.36f;

    /// <summary>Enrollment: a new face this close to another person is refused as already enrolled (FMR ≈ 8e-6).</summary>
    public float DuplicateMaxDistance { get; init; } = 0.30f;

    /// <summary>The door's 1:K rule (DoorGrain.Access; eval openset scores with the same code): the nearest identity is
    /// identified when it is within <see cref="IdentifyThreshold"/> for the gallery size and clear of the runner-up
    /// identity (infinity when there is none) by <see cref="IdentifyMargin"/>.</summary>
    public bool Identifies(float nearest, float runnerUp, int gallerySize) =>
        Accepts(nearest, runnerUp, IdentifyThreshold(gallerySize), IdentifyMargin);

    /// <summary>The same rule at an explicit threshold and margin (what a DET sweep varies).</summary>
    public static bool Accepts(float nearest, float runnerUp, float threshold, float margin) =>
        nearest <= threshold && runnerUp - nearest >= margin;

    /// <summary>1:K threshold for a gallery of this many identities: FPIR ≈ N · FMR(t), so solve FMR(t) = FPIR / N.
    /// With the defaults: 0.354 for the 11-person seed office, 0.25 for 10,000 people (then the floor holds).</summary>
    public float IdentifyThreshold(int gallerySize)
    {
        var fmr = TargetFpir / Math.Max(1, gallerySize);
        var slope = (FmrHigh.Distance - FmrLow.Distance) / (Math.Log10(FmrHigh.Rate) - Math.Log10(FmrLow.Rate));
        var threshold = FmrLow.Distance + (Math.Log10(fmr) - Math.Log10(FmrLow.Rate)) * slope;
        return (float)Math.Clamp(threshold, IdentifyFloor, Math.Min(IdentifyCeiling, VerifyMaxDistance));
    }
}
