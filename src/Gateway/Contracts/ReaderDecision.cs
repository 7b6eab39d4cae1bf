using System.Text.Json.Serialization;
using AccessGrid.Grains;

namespace AccessGrid.Gateway.Contracts;

/// <summary>What a reader key gets back for a frame: the decision, its reason and the person's name, and nothing a
/// forger could climb on. No distance (a score to hill-climb a forged image against), no face count or latency, and
/// not_enrolled is answered as not_claimed_person, so a claim tells a reader nothing about who exists or has a face.
/// The hint ("Come closer to the camera.") is for the person at the door. Guards and admins see the full <see cref="Decision"/> in the live feed and the audit.</summary>
public sealed record ReaderDecision(
    string EventId,
    string DoorId,
    [property: JsonPropertyName("decision")] DecisionOutcome Outcome,
    DecisionReason Reason,
    string? StaffId,
    string? Name,
    DateTimeOffset Timestamp,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Hint)
{
    public static ReaderDecision From(Decision d) => new(
        d.EventId, d.DoorId, d.Outcome, d.Reason == DecisionReason.NotEnrolled ? DecisionReason.NotClaimedPerson : d.Reason,
        d.StaffId, d.Name, d.Timestamp, d.Hint);
}
