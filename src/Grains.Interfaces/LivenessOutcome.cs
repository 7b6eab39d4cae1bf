using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

/// <summary>What the liveness evidence of a decision showed (JSON "verdict").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LivenessOutcome>))]
public enum LivenessOutcome
{
    [JsonStringEnumMemberName("live")] Live,
    [JsonStringEnumMemberName("spoof")] Spoof,
    /// <summary>Not enough evidence either way (no face with enough context, or a required burst or blink missing).</summary>
    [JsonStringEnumMemberName("undecidable")] Undecidable,
    /// <summary>The door's policy is off, or no liveness evidence was measured.</summary>
    [JsonStringEnumMemberName("not_checked")] NotChecked,
}
