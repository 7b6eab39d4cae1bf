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
