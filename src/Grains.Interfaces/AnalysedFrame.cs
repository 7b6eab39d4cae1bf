namespace AccessGrid.Grains;

/// <summary>One image after analysis on the silo that received it: every face, primary first, or the problem that
/// stopped the analysis. This, not the image, is what travels to the door and staff grains.</summary>
/// <param name="Problem">Null when at least one face came out.</param>
/// <param name="ProblemMessage">Human-readable detail of <paramref name="Problem"/>.</param>
/// <param name="Width">Decoded width in pixels (0 when decoding failed).</param>
/// <param name="Height">Decoded height in pixels.</param>
/// <param name="Faces">Faces, primary first.</param>
/// <param name="PipelineMs">Time spent in the vision pipeline for this image.</param>
/// <param name="FaceJpeg">A small JPEG of the primary face (<c>Vision.FaceThumbnail</c>), only when the caller asked for
/// one (enrollment thumbnails); otherwise null: frames carry no pixels.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.AnalysedFrame")]
public sealed record AnalysedFrame(
    [property: Id(0)] FrameProblem? Problem,
    [property: Id(1)] string? ProblemMessage,
    [property: Id(2)] int Width,
    [property: Id(3)] int Height,
    [property: Id(4)] AnalysedFace[] Faces,
    [property: Id(5)] double PipelineMs,
    [property: Id(6)] byte[]? FaceJpeg = null)
{
    public AnalysedFace? Primary => Faces is { Length: > 0 } ? Faces[0] : null;
}
