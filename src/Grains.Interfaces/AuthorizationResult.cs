namespace AccessGrid.Grains;

/// <summary>The staff side of a decision: may this person pass this door now?</summary>
/// <param name="Reason">Null when allowed; otherwise suspended, no_grant, outside_schedule, not_yet_valid, expired, pass_used_up or not_enrolled.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.AuthorizationResult")]
public sealed record AuthorizationResult(
    [property: Id(0)] DecisionReason? Reason,
    [property: Id(1)] string? Name);
