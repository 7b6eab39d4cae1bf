namespace AccessGrid.Grains;

/// <summary>What the person at the door can do about a <see cref="DecisionReason.LowQuality"/> frame: the reader shows
/// it, so a person too far from the camera hears "come closer" rather than a bare denial.</summary>
internal static class QualityHint
{
    public const string ComeCloser = "Come closer to the camera.";

    public static string For(QualityFailure failure, TemplateQuality quality, QualityLimits limits) => failure switch
    {
        QualityFailure.TooSmall => ComeCloser,
        QualityFailure.BadLighting => quality.Brightness < limits.MinBrightness ? "The face is too dark: step into the light." : "The face is too bright: step out of direct light.",
        QualityFailure.TooBlurry => "Hold still for a moment.",
        _ => "Look straight at the camera.",
    };
}
