using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

/// <summary>Whether a person may pass at all; suspension overrides every grant.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StaffStatus>))]
public enum StaffStatus
{
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("suspended")] Suspended,
}
