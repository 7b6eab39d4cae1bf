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

/// <summary>A door's configuration.</summary>
/// <param name="Id">Door id (the grain key).</param>
/// <param name="Zone">Zone the door belongs to; zone grants open it.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.DoorInfo")]
public sealed record DoorInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Zone,
    [property: Id(3)] DoorMode Mode);
