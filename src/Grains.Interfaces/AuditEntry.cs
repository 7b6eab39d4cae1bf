namespace AccessGrid.Grains;

/// <summary>One append-only audit record. Never holds an image or an encoding.</summary>
/// <param name="EventId">Unique id (for decisions, the decision's event id).</param>
/// <param name="Timestamp">When it happened (UTC).</param>
/// <param name="Kind">Decision or change.</param>
/// <param name="Action">"access", "verify", or a change such as "staff.created", "grant.revoked", "staff.erased".</param>
/// <param name="DoorId">Door involved, if any.</param>
/// <param name="StaffId">Person involved, if any (kept after erasure; the person's data is not).</param>
/// <param name="Detail">Short human-readable description.</param>
/// <param name="Decision">The decision, for <see cref="AuditKind.Decision"/> entries.</param>
/// <param name="Actor">Who made a change: the API key (id and label) or "system"; null for decisions.</param>
/// <param name="Seal">The entry's place in its tamper-evident chain, set by the chain writer when it is stored.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string EventId,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] AuditKind Kind,
    [property: Id(3)] string Action,
    [property: Id(4)] string? DoorId,
    [property: Id(5)] string? StaffId,
    [property: Id(6)] string? Detail,
    [property: Id(7)] Decision? Decision,
    [property: Id(8)] AuditActor? Actor = null,
    [property: Id(9)] AuditSeal? Seal = null);
