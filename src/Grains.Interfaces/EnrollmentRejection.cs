using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

/// <summary>Why a picture was not enrolled: machine-readable, one per gate.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EnrollmentRejection>))]
public enum EnrollmentRejection
{
    /// <summary>Not decodable, empty, corrupt or too large.</summary>
    [JsonStringEnumMemberName("bad_image")] BadImage,
    [JsonStringEnumMemberName("no_face")] NoFace,
    /// <summary>More than one face: enrollment must be unambiguous.</summary>
    [JsonStringEnumMemberName("several_faces")] SeveralFaces,
    [JsonStringEnumMemberName("too_small")] TooSmall,
    [JsonStringEnumMemberName("too_blurry")] TooBlurry,
    /// <summary>Too dark or too bright.</summary>
    [JsonStringEnumMemberName("bad_lighting")] BadLighting,
    /// <summary>Head turned or tilted too far.</summary>
    [JsonStringEnumMemberName("bad_pose")] BadPose,
    /// <summary>The face is already enrolled under another staff id.</summary>
    [JsonStringEnumMemberName("already_enrolled_as_other")] AlreadyEnrolledAsOther,
    /// <summary>The person already holds the maximum number of templates.</summary>
    [JsonStringEnumMemberName("too_many_templates")] TooManyTemplates,
}
