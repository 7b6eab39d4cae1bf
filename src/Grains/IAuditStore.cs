namespace AccessGrid.Grains;

/// <summary>The append-only audit log's storage (Azure Table rows in production; memory in tests).</summary>
public interface IAuditStore
{
    Task Append(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Matching entries, newest first, at most <see cref="AuditQuery.Limit"/>.</summary>
    Task<AuditEntry[]> Query(AuditQuery query, CancellationToken cancellationToken = default);
}
