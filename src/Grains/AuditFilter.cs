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

    /// <summary>Throws <see cref="AccessGridException"/> (Invalid, invalid_query) for a query that cannot mean anything.
    /// The one rule for the range: from is inclusive and to exclusive, so from must be before to (from == to is empty).</summary>
    public static void Validate(AuditQuery query)
    {
        if (query.Limit is < 1 or > AuditQuery.MaxLimit)
            throw AccessGridException.Invalid("invalid_query", $"limit must be within 1..{AuditQuery.MaxLimit}.");
        if (query.From is { } from && query.To is { } to && from >= to)
            throw AccessGridException.Invalid("invalid_query", "from must be before to (from is inclusive, to exclusive).");
        if (query.Kind is { } kind && !Enum.IsDefined(kind))
            throw AccessGridException.Invalid("invalid_query", "kind must be decision or change.");
        if (query.Person is { Length: > StaffQuery.MaxTextLength })
            throw AccessGridException.Invalid("invalid_query", $"person must be at most {StaffQuery.MaxTextLength} characters.");
        if (query.Person is not null && query.StaffId is not null)
            throw AccessGridException.Invalid("invalid_query", "Give staffId (one exact id) or person (a search), not both.");
    }
}
