using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

/// <summary>What raised an alarm. Empty scenes (no_face) never do: cameras post them all the time.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlarmKind>))]
public enum AlarmKind
{
    /// <summary>Faces that matched nobody, at or above the door's threshold within its window.</summary>
    [JsonStringEnumMemberName("unknown_face")] UnknownFace,
    /// <summary>A decision denied as a suspected spoof (a photo or a screen held up to the camera).</summary>
    [JsonStringEnumMemberName("spoof_suspected")] SpoofSuspected,
    /// <summary>Denials (other than no_face) at or above the door's threshold within its window.</summary>
    [JsonStringEnumMemberName("denial_burst")] DenialBurst,
}
