using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

[JsonConverter(typeof(JsonStringEnumConverter<ApiRole>))]
public enum ApiRole
{
    /// <summary>Everything, including key management.</summary>
    [JsonStringEnumMemberName("admin")] Admin,
    /// <summary>Staff, faces, grants and doors.</summary>
    [JsonStringEnumMemberName("hr")] Hr,
    /// <summary>Read-only: doors, staff, events.</summary>
    [JsonStringEnumMemberName("guard")] Guard,
    /// <summary>A door reader: may post frames to its one door only.</summary>
    [JsonStringEnumMemberName("reader")] Reader,
}
