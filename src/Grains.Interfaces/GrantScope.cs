using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

/// <summary>What a grant opens: one door, or every door of a zone.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GrantScope>))]
public enum GrantScope
{
    [JsonStringEnumMemberName("door")] Door,
    [JsonStringEnumMemberName("zone")] Zone,
}
