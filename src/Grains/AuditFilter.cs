namespace AccessGrid.Grains;

/// <summary>The meaning of an <see cref="AuditQuery"/>, shared by every audit store.</summary>
public static class AuditFilter
{
    public static bool Matches(AuditEntry entry, AuditQuery query) =>
        (query.DoorId is null || entry.DoorId == query.DoorId)
        && (query.StaffId is null || entry.StaffId == query.StaffId)
        && (query.From is null || entry.Timestamp >= query.From)
        && (query.To is null || entry.Timestamp < query.To)
        && (query.Kind is null || entry.Kind == query.Kind);

    public static int Limit(AuditQuery query) => Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit);

    /// <summary>Throws <see cref="AccessGridException"/> (Invalid) for a query that cannot mean anything.</summary>
    public static void Validate(AuditQuery query)
    {
        if (query.Limit is < 1 or > AuditQuery.MaxLimit)
            throw new AccessGridException(AccessGridError.Invalid, $"limit must be between 1 and {AuditQuery.MaxLimit}.");
        if (query.From is { } from && query.To is { } to && from > to)
            throw new AccessGridException(AccessGridError.Invalid, "from must not be after to.");
    }
}
