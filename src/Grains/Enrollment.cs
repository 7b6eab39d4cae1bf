namespace AccessGrid.Grains;

/// <summary>The enrollment gates, in the order a person fixing their photo would want to hear about them.</summary>
internal static class Enrollment
{
    /// <summary>The rejection for this frame, or null when its single face may become a template.</summary>
    public static EnrollmentResult? Reject(AnalysedFrame frame, QualityLimits limits, int templateCount)
    {
        EnrollmentResult No(EnrollmentRejection why, string message) => EnrollmentResult.Rejected(why, message, templateCount);

        switch (frame.Problem)
        {
            case FrameProblem.NoFace: return No(EnrollmentRejection.NoFace, "No face was found in the picture.");
            case FrameProblem.FaceTooSmall: return No(EnrollmentRejection.TooSmall, "The face is too small; move closer or use a larger picture.");
            case { } problem: return No(EnrollmentRejection.BadImage, frame.ProblemMessage ?? $"The picture cannot be used ({problem}).");
        }
        if (frame.Faces.Length == 0) return No(EnrollmentRejection.NoFace, "No face was found in the picture.");
        if (frame.Faces.Length > 1) return No(EnrollmentRejection.SeveralFaces, $"{frame.Faces.Length} faces were found; enroll a picture of one person.");

        var q = frame.Faces[0].Quality;
        return limits.Check(q) switch
        {
            QualityFailure.TooSmall => No(EnrollmentRejection.TooSmall, $"The face is {q.SizePx:0} px; at least {limits.MinSizePx:0} px is needed."),
            QualityFailure.TooBlurry => No(EnrollmentRejection.TooBlurry, $"The face is too blurry (sharpness {q.Sharpness:0.0}, at least {limits.MinSharpness:0.0})."),
            QualityFailure.BadLighting => No(EnrollmentRejection.BadLighting, q.Brightness < limits.MinBrightness
                ? $"The face is too dark (brightness {q.Brightness:0.00}, at least {limits.MinBrightness:0.00}): add light in front of the person."
                : $"The face is too bright (brightness {q.Brightness:0.00}, at most {limits.MaxBrightness:0.00}): move out of direct light or lower the exposure."),
            QualityFailure.BadPose => No(EnrollmentRejection.BadPose, $"The head is turned or tilted too far (yaw {q.YawDegrees:0}°, roll {q.RollDegrees:0}°)."),
            _ => null,
        };
    }
}
