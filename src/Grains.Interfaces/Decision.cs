using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

[JsonConverter(typeof(JsonStringEnumConverter<DecisionOutcome>))]
public enum DecisionOutcome
{
    [JsonStringEnumMemberName("granted")] Granted,
    [JsonStringEnumMemberName("denied")] Denied,
}

/// <summary>Why a door opened or stayed shut.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionReason>))]
public enum DecisionReason
{
    /// <summary>Granted after a 1:K search.</summary>
    [JsonStringEnumMemberName("identified")] Identified,
    /// <summary>Granted after a 1:1 check against the claimed person.</summary>
    [JsonStringEnumMemberName("verified")] Verified,
    /// <summary>The frame could not be decoded (empty, corrupt, not an image, too large).</summary>
    [JsonStringEnumMemberName("bad_image")] BadImage,
    [JsonStringEnumMemberName("no_face")] NoFace,
    /// <summary>The primary face is too small, too blurry, too dark or turned away to decide on.</summary>
    [JsonStringEnumMemberName("low_quality")] LowQuality,
    /// <summary>No enrolled face matched closely enough (1:K), or the match was ambiguous.</summary>
    [JsonStringEnumMemberName("unknown_face")] UnknownFace,
    /// <summary>The claimed person does not exist or has no template (1:1).</summary>
    [JsonStringEnumMemberName("not_enrolled")] NotEnrolled,
    /// <summary>The face is not the claimed person's (1:1).</summary>
    [JsonStringEnumMemberName("not_claimed_person")] NotClaimedPerson,
    [JsonStringEnumMemberName("suspended")] Suspended,
    /// <summary>No grant for this door or its zone.</summary>
    [JsonStringEnumMemberName("no_grant")] NoGrant,
    [JsonStringEnumMemberName("outside_schedule")] OutsideSchedule,
    /// <summary>The grant is not yet valid, no longer valid, or its uses are spent.</summary>
    [JsonStringEnumMemberName("expired")] Expired,
    /// <summary>The door does not accept this kind of request (e.g. 1:K at a verify-only door).</summary>
    [JsonStringEnumMemberName("mode_not_allowed")] ModeNotAllowed,
}

/// <summary>One door decision: what the reader gets back, what the audit log keeps and the dashboard shows.
/// Serialises to the API's JSON (eventId, doorId, decision, reason, staffId, name, distance, faces, latencyMs, timestamp).
/// No biometric data: the distance is a number, never an encoding.</summary>
/// <param name="EventId">Unique id of the decision (also its audit entry id).</param>
/// <param name="Outcome">Granted or denied (JSON "decision").</param>
/// <param name="StaffId">Recognised or claimed person, when there is one.</param>
/// <param name="Name">That person's name.</param>
/// <param name="Distance">Euclidean distance between the primary face and the person's best template.</param>
/// <param name="Faces">How many faces were in the frame (the decision is made on the primary one).</param>
/// <param name="LatencyMs">Time from frame arrival at the door grain to decision.</param>
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
    [property: Id(9)] DateTimeOffset Timestamp)
{
    [JsonIgnore]
    public bool IsGranted => Outcome == DecisionOutcome.Granted;
}
