using AccessGrid.Vision;

namespace AccessGrid.Grains;

/// <summary>Vision results to wire records, in this one place: the grains contract does not leak the vision library's
/// types, and the vision library stays free of Orleans.</summary>
internal static class FrameMapper
{
    public static AnalysedFrame ToFrame(FaceAnalysis analysis) => new(
        analysis.Problem is null ? null : ToProblem(analysis.Problem.Kind),
        analysis.Problem?.Message,
        analysis.Width,
        analysis.Height,
        [.. analysis.Faces.Select(ToFace)],
        analysis.Timings.Total);

    private static AnalysedFace ToFace(Face face) => new(
        new FaceRect(face.Box.X, face.Box.Y, face.Box.Width, face.Box.Height),
        face.Embedding,
        new TemplateQuality(face.Score, face.Quality.SizePx, face.Quality.Sharpness, face.Quality.Brightness,
            face.Quality.RollDegrees, face.Quality.YawDegrees));

    private static FrameProblem ToProblem(ImageProblemKind kind) => kind switch
    {
        ImageProblemKind.Empty => FrameProblem.Empty,
        ImageProblemKind.NotAnImage => FrameProblem.NotAnImage,
        ImageProblemKind.Corrupt => FrameProblem.Corrupt,
        ImageProblemKind.TooLarge => FrameProblem.TooLarge,
        ImageProblemKind.NoFace => FrameProblem.NoFace,
        ImageProblemKind.FaceTooSmall => FrameProblem.FaceTooSmall,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown image problem."),
    };
}
