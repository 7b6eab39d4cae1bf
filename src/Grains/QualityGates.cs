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

/// <param name="MinSizePx">Side of the square the aligned chip covers, in image pixels.</param>
/// <param name="MinSharpness">Variance of the Laplacian of the grey chip.</param>
public sealed record QualityLimits(float MinSizePx, float MinSharpness, float MinBrightness, float MaxBrightness, float MaxYawDegrees, float MaxRollDegrees)
{
    /// <summary>The first limit the face breaks, or null when it passes.</summary>
    public QualityFailure? Check(TemplateQuality q) =>
        q.SizePx < MinSizePx ? QualityFailure.TooSmall
        : q.Sharpness < MinSharpness ? QualityFailure.TooBlurry
        : q.Brightness < MinBrightness || q.Brightness > MaxBrightness ? QualityFailure.BadLighting
        : Math.Abs(q.YawDegrees) > MaxYawDegrees || Math.Abs(q.RollDegrees) > MaxRollDegrees ? QualityFailure.BadPose
        : null;
}

public enum QualityFailure
{
    TooSmall,
    TooBlurry,
    BadLighting,
    BadPose,
}
