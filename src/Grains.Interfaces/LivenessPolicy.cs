using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

/// <summary>What a door demands as evidence that a live person, not a photo, stands in front of it.</summary>
/// <remarks>Off is 0 so that doors stored before the policy existed keep deciding as they did; new doors default to
/// <see cref="Passive"/> (<see cref="IDoorGrain.Create"/>).</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<LivenessPolicy>))]
public enum LivenessPolicy
{
    /// <summary>No liveness check: identity alone decides (pictures that are not camera frames, e.g. the seed office).</summary>
    [JsonStringEnumMemberName("off")] Off,
    /// <summary>The tracked face's passive live score over the frame(s) must pass.</summary>
    [JsonStringEnumMemberName("passive")] Passive,
    /// <summary>A burst is required, the passive score must pass and the burst must contain a blink.</summary>
    [JsonStringEnumMemberName("active")] Active,
}
