namespace AccessGrid.Grains;

/// <summary>Minimum face quality: strict for enrollment (a poor template poisons every later decision),
/// lenient for door frames (the camera gets what it gets; a bad frame is denied as low_quality).</summary>
public sealed record QualityGates
{
    public QualityLimits Enrollment { get; init; } = new(MinSizePx: 36, MinSharpness: 6, MinBrightness: 0.08f, MaxBrightness: 0.92f, MaxYawDegrees: 40, MaxRollDegrees: 50);

    public QualityLimits Decision { get; init; } = new(MinSizePx: 28, MinSharpness: 2, MinBrightness: 0.04f, MaxBrightness: 0.96f, MaxYawDegrees: 60, MaxRollDegrees: 60);

    /// <summary>A person holds at most this many templates.</summary>
    public int MaxTemplatesPerPerson { get; init; } = 10;
}
