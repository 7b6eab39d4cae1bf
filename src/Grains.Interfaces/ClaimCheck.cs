namespace AccessGrid.Grains;

/// <summary>The staff side of a 1:1 decision, answered in one call: how near the face is to the claimed person's
/// templates and, when it is near enough, whether they may pass.</summary>
/// <param name="Reason">Null when granted; otherwise not_enrolled, not_claimed_person, suspended, no_grant,
/// outside_schedule, not_yet_valid, expired or pass_used_up.</param>
/// <param name="Name">The person's name, when the face was theirs.</param>
/// <param name="Distance">Distance to their nearest template; null when they have none.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.ClaimCheck")]
public sealed record ClaimCheck(
    [property: Id(0)] DecisionReason? Reason,
    [property: Id(1)] string? Name,
    [property: Id(2)] float? Distance);
