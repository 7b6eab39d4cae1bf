namespace AccessGrid.Grains;

/// <summary>Minimum face quality: strict for enrollment (a poor template poisons every later decision),
/// lenient for door frames (the camera gets what it gets; a bad frame is denied as low_quality).</summary>
public sealed record QualityGates
{
    public QualityLimits Enrollment { get; init; } = new(MinSizePx: 36, MinSharpness: 6, MinBrightness: 0.08f, MaxBrightness: 0.92f, MaxYawDegrees: 40, MaxRollDegrees: 50);

    /// <remarks>Yaw 45° rather than 60° (issue 14): on lfw-dev's open-set protocol the one wrong-person grant that was
    /// not a dataset labelling duplicate came from a face turned 47°; a turned face now hears low_quality ("look at the
    /// camera") for +0.6 pt FNIR with three photos and none with one (docs/benchmarks.md, "Open-set identification").</remarks>
    public QualityLimits Decision { get; init; } = new(MinSizePx: 28, MinSharpness: 2, MinBrightness: 0.04f, MaxBrightness: 0.96f, MaxYawDegrees: 45, MaxRollDegrees: 60);

    /// <summary>A person holds at most this many templates.</summary>
    public int MaxTemplatesPerPerson { get; init; } = 10;
}
