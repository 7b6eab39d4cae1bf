namespace AccessGrid.Grains.Tests;

/// <summary>The order of the quality gates: each photo hears about the one thing to fix first.</summary>
public sealed class QualityLimitsTests
{
    private static readonly QualityLimits Limits = new QualityGates().Enrollment;

    private static TemplateQuality Face(float size = 120, float sharpness = 40, float brightness = 0.5f) =>
        new(DetectionScore: 0.99f, SizePx: size, Sharpness: sharpness, Brightness: brightness, RollDegrees: 0, YawDegrees: 0);

    [Fact]
    public void A_dark_face_is_bad_lighting_even_though_its_low_contrast_also_measures_as_blurry()
    {
        Assert.Equal(QualityFailure.BadLighting, Limits.Check(Face(sharpness: 1, brightness: 0.03f)));
        Assert.Equal(QualityFailure.BadLighting, Limits.Check(Face(brightness: 0.97f)));
        Assert.Equal(QualityFailure.TooBlurry, Limits.Check(Face(sharpness: 1)));
        Assert.Equal(QualityFailure.TooSmall, Limits.Check(Face(size: 10, brightness: 0.03f)));
        Assert.Null(Limits.Check(Face()));
    }

    [Fact]
    public void The_enrollment_message_says_dark_or_bright_and_what_to_do()
    {
        var dark = new AnalysedFrame(null, null, 640, 480, [new AnalysedFace(new FaceRect(100, 100, 120, 120), new float[128], Face(sharpness: 1, brightness: 0.03f))], 0);
        var result = Enrollment.Reject(dark, Limits, 0)!;
        Assert.Equal(EnrollmentRejection.BadLighting, result.Rejection);
        Assert.Contains("too dark", result.Message);
    }
}
