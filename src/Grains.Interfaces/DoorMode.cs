using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

/// <summary>How a door recognises people: 1:K search, 1:1 against a claimed id, or either.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DoorMode>))]
public enum DoorMode
{
    [JsonStringEnumMemberName("identify")] Identify,
    [JsonStringEnumMemberName("verify")] Verify,
    [JsonStringEnumMemberName("both")] Both,
}
