namespace AccessGrid.Grains;

/// <param name="MinSizePx">Side of the square the aligned chip covers, in image pixels.</param>
/// <param name="MinSharpness">Variance of the Laplacian of the grey chip.</param>
public sealed record QualityLimits(float MinSizePx, float MinSharpness, float MinBrightness, float MaxBrightness, float MaxYawDegrees, float MaxRollDegrees)
{
    /// <summary>The first limit the face breaks, or null when it passes.</summary>
    public QualityFailure? Check(TemplateQuality q) =>
        q.SizePx < MinSizePx ? QualityFailure.TooSmall
        // Lighting before sharpness: a dark face has little contrast, so it also measures as blurry; the light is
        // what the person can fix.
        : q.Brightness < MinBrightness || q.Brightness > MaxBrightness ? QualityFailure.BadLighting
        : q.Sharpness < MinSharpness ? QualityFailure.TooBlurry
        : Math.Abs(q.YawDegrees) > MaxYawDegrees || Math.Abs(q.RollDegrees) > MaxRollDegrees ? QualityFailure.BadPose
        : null;
}
