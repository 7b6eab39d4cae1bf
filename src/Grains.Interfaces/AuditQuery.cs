namespace AccessGrid.Grains;

/// <summary>Filter for the audit log; results come newest first.</summary>
/// <param name="From">Inclusive lower bound on the timestamp.</param>
/// <param name="To">Exclusive upper bound on the timestamp.</param>
/// <param name="Limit">At most this many entries (1..1000).</param>
/// <param name="Kind">Only this kind; null means both.</param>
/// <param name="Person">Only the people the staff directory finds for this text (name words or id prefix, see
/// <see cref="StaffQuery.Text"/>), at most <see cref="MaxPeople"/> of them.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] string? DoorId = null,
    [property: Id(1)] string? StaffId = null,
    [property: Id(2)] DateTimeOffset? From = null,
    [property: Id(3)] DateTimeOffset? To = null,
    [property: Id(4)] int Limit = 100,
    [property: Id(5)] AuditKind? Kind = null,
    [property: Id(6)] string? Person = null)
{
    public const int MaxLimit = 1000;
    /// <summary>A person search reads each person's events: a text matching more people asks for more of the name.</summary>
    public const int MaxPeople = 20;
}
