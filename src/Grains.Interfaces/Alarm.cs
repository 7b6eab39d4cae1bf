namespace AccessGrid.Grains;

/// <summary>One alarm at a door. While it is open, further events of the same kind at the same door are counted on it
/// rather than raising new ones; once acknowledged, the next event opens a new alarm.</summary>
/// <param name="Count">Events counted on this alarm (for a burst: the denials in the window when it was raised, plus
/// every one since).</param>
/// <param name="LastEventId">The audit id of the newest decision counted, to find it in Events.</param>
/// <param name="AcknowledgedBy">The key that acknowledged it; null while open.</param>
/// <param name="Note">What the guard wrote when acknowledging.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.Alarm")]
public sealed record Alarm(
    [property: Id(0)] string Id,
    [property: Id(1)] string DoorId,
    [property: Id(2)] AlarmKind Kind,
    [property: Id(3)] AlarmSeverity Severity,
    [property: Id(4)] DateTimeOffset RaisedAt,
    [property: Id(5)] DateTimeOffset LastAt,
    [property: Id(6)] int Count,
    [property: Id(7)] string LastEventId,
    [property: Id(8)] DateTimeOffset? AcknowledgedAt,
    [property: Id(9)] AuditActor? AcknowledgedBy,
    [property: Id(10)] string? Note)
{
    public bool IsOpen => AcknowledgedAt is null;
}
