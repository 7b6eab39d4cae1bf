namespace AccessGrid.Grains;

/// <summary>The audit log (stateless worker): appends decisions and changes, answers queries by door, staff and time
/// range. Entries are rows in an append-only store, never grain state, so the log grows without bound.</summary>
[Alias("AccessGrid.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    /// <summary>Appends one entry.</summary>
    ValueTask Append(AuditEntry entry);

    /// <summary>Entries matching the filter, newest first.</summary>
    ValueTask<AuditEntry[]> Query(AuditQuery query);

    /// <summary>Walks every day chain and its index copies; reports the first broken link.</summary>
    ValueTask<AuditVerification> Verify();
}
