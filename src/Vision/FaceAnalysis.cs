namespace AccessGrid.Vision;

/// <summary>Everything the pipeline found in one image: every face (primary first) or the problem that stopped it.</summary>
/// <param name="Problem">Why no usable face came out of the image; null when <see cref="Faces"/> is non-empty.</param>
/// <param name="Width">Decoded width in pixels after EXIF orientation (0 when decoding failed).</param>
/// <param name="Height">Decoded height in pixels after EXIF orientation (0 when decoding failed).</param>
/// <param name="Faces">All accepted faces, ordered by <see cref="PrimaryFaceRule"/>: index 0 is the primary face.</param>
/// <param name="Timings">Milliseconds spent per stage.</param>
public sealed record FaceAnalysis(
    ImageProblem? Problem,
    int Width,
    int Height,
    IReadOnlyList<Face> Faces,
    StageTimings Timings)
{
    /// <summary>The face decisions are made on, or null.</summary>
    public Face? Primary => Faces.Count > 0 ? Faces[0] : null;

    public bool Succeeded => Problem is null && Faces.Count > 0;

    public static FaceAnalysis Failed(ImageProblem problem, int width = 0, int height = 0, StageTimings? timings = null) =>
        new(problem, width, height, [], timings ?? new StageTimings());
}
