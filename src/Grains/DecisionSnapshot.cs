namespace AccessGrid.Grains;

/// <summary>A decision snapshot as stored: the small JPEG of the face a door denied, and what it must be found by —
/// the decision (its event id, also the snapshot's id), the person the decision named (erasure deletes it with them)
/// and when it was taken (retention deletes it after <see cref="FaceImageRetention.SnapshotDays"/>).</summary>
/// <param name="EventId">The decision's event id (32 hex digits).</param>
/// <param name="DoorId">The door that decided.</param>
/// <param name="StaffId">The person the decision named (identified or claimed); null for an unknown face.</param>
/// <param name="TakenAt">The decision's time.</param>
/// <param name="Jpeg">The picture (<c>Vision.FaceThumbnail</c>).</param>
public sealed record DecisionSnapshot(string EventId, string DoorId, string? StaffId, DateTimeOffset TakenAt, byte[] Jpeg)
{
    /// <summary>Event ids are <c>Guid.ToString("N")</c>; anything else cannot name a snapshot (and never reaches a blob name).</summary>
    public static bool IsEventId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}
