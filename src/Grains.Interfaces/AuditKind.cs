using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

[JsonConverter(typeof(JsonStringEnumConverter<AuditKind>))]
public enum AuditKind
{
    /// <summary>A door decision.</summary>
    [JsonStringEnumMemberName("decision")] Decision,
    /// <summary>A change made by HR or an admin: staff, faces, grants, doors, keys.</summary>
    [JsonStringEnumMemberName("change")] Change,
}
