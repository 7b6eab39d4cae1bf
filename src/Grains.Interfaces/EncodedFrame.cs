using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

/// <summary>Why a frame gave no usable face (mirrors the vision library's problem kinds).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FrameProblem>))]
public enum FrameProblem
{
    [JsonStringEnumMemberName("empty")] Empty,
    [JsonStringEnumMemberName("not_an_image")] NotAnImage,
    [JsonStringEnumMemberName("corrupt")] Corrupt,
    [JsonStringEnumMemberName("too_large")] TooLarge,
    [JsonStringEnumMemberName("no_face")] NoFace,
    [JsonStringEnumMemberName("face_too_small")] FaceTooSmall,
}

/// <summary>A face box in image pixels.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.FaceRect")]
public sealed record FaceRect(
    [property: Id(0)] float X,
    [property: Id(1)] float Y,
    [property: Id(2)] float Width,
    [property: Id(3)] float Height);

/// <summary>One face found in a frame.</summary>
/// <param name="Embedding">L2-normalised 128-D encoding.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.EncodedFace")]
public sealed record EncodedFace(
    [property: Id(0)] FaceRect Box,
    [property: Id(1)] float[] Embedding,
    [property: Id(2)] TemplateQuality Quality);

/// <summary>The encoder's answer for one image: every face, primary first, or the problem that stopped it.</summary>
/// <param name="Problem">Null when at least one face came out.</param>
/// <param name="ProblemMessage">Human-readable detail of <paramref name="Problem"/>.</param>
/// <param name="Width">Decoded width in pixels (0 when decoding failed).</param>
/// <param name="Height">Decoded height in pixels.</param>
/// <param name="Faces">Faces, primary first.</param>
/// <param name="PipelineMs">Time spent in the vision pipeline for this image.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.EncodedFrame")]
public sealed record EncodedFrame(
    [property: Id(0)] FrameProblem? Problem,
    [property: Id(1)] string? ProblemMessage,
    [property: Id(2)] int Width,
    [property: Id(3)] int Height,
    [property: Id(4)] EncodedFace[] Faces,
    [property: Id(5)] double PipelineMs)
{
    public EncodedFace? Primary => Faces.Length > 0 ? Faces[0] : null;
}
