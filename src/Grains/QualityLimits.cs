namespace AccessGrid.Grains;

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
