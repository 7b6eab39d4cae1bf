using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

/// <summary>One door decision: what the reader gets back, what the audit log keeps and the dashboard shows.
/// Serialises to the API's JSON (eventId, doorId, decision, reason, staffId, name, distance, faces, latencyMs, timestamp, liveness,
/// and hint when there is one).
/// No biometric data: the distance is a number, never an encoding.</summary>
/// <param name="EventId">Unique id of the decision (also its audit entry id).</param>
/// <param name="Outcome">Granted or denied (JSON "decision").</param>
/// <param name="StaffId">Recognised or claimed person, when there is one.</param>
/// <param name="Name">That person's name.</param>
/// <param name="Distance">Euclidean distance between the primary face and the person's best template.</param>
/// <param name="Faces">How many faces were in the frame (the decision is made on the primary one).</param>
/// <param name="Liveness">The liveness verdict under the door's policy, with the evidence it rests on.</param>
/// <param name="Hint">For low_quality: what the person at the door can do ("Come closer to the camera."); else null.</param>
/// <param name="LatencyMs">Time from the frame's arrival (its analysis on the receiving silo included) to the decision.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.Decision")]
public sealed record Decision(
    [property: Id(0)] string EventId,
    [property: Id(1)] string DoorId,
    [property: Id(2), JsonPropertyName("decision")] DecisionOutcome Outcome,
    [property: Id(3)] DecisionReason Reason,
    [property: Id(4)] string? StaffId,
    [property: Id(5)] string? Name,
    [property: Id(6)] float? Distance,
    [property: Id(7)] int Faces,
    [property: Id(8)] double LatencyMs,
    [property: Id(9)] DateTimeOffset Timestamp,
    [property: Id(10)] LivenessSummary? Liveness = null,
    [property: Id(11), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Hint = null)
{
    [JsonIgnore]
    public bool IsGranted => Outcome == DecisionOutcome.Granted;
}
