using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

[JsonConverter(typeof(JsonStringEnumConverter<AuditKind>))]
public enum AuditKind
{
    /// <summary>A door decision.</summary>
    [JsonStringEnumMemberName("decision")] Decision,
    /// <summary>A change made by HR or an admin: staff, faces, grants, doors, keys.</summary>
    [JsonStringEnumMemberName("change")] Change,
}

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

/// <summary>Filter for the audit log; results come newest first.</summary>
/// <param name="From">Inclusive lower bound on the timestamp.</param>
/// <param name="To">Exclusive upper bound on the timestamp.</param>
/// <param name="Limit">At most this many entries (1..1000).</param>
/// <param name="Kind">Only this kind; null means both.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] string? DoorId = null,
    [property: Id(1)] string? StaffId = null,
    [property: Id(2)] DateTimeOffset? From = null,
    [property: Id(3)] DateTimeOffset? To = null,
    [property: Id(4)] int Limit = 100,
    [property: Id(5)] AuditKind? Kind = null)
{
    public const int MaxLimit = 1000;
}
