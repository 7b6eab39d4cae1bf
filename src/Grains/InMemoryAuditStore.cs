namespace AccessGrid.Grains;

/// <summary>The audit log in process memory: for test clusters and single-process runs without storage.</summary>
public sealed class InMemoryAuditStore : IAuditStore
{
    private readonly List<AuditEntry> _entries = [];
    private readonly Lock _lock = new();

    public Task Append(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_lock) _entries.Add(entry);
        return Task.CompletedTask;
    }

    public Task<AuditEntry[]> Query(AuditQuery query, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult(_entries
                .Where(e => AuditFilter.Matches(e, query))
                .OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.EventId, StringComparer.Ordinal)
                .Take(AuditFilter.Limit(query))
                .ToArray());
    }
}
