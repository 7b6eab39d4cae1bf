namespace AccessGrid.Grains;

/// <summary>The audit log in process memory: for test clusters and single-process runs without storage. Each entry is
/// one row (no index copies); a row's key is its timestamp and event id, as in Table storage.</summary>
public sealed class InMemoryAuditStore : IAuditStore
{
    private readonly Lock _lock = new();

    /// <summary>The stored rows themselves, in append order. Public for the same reason a storage account is reachable:
    /// tamper tests edit, delete and swap rows here directly.</summary>
    public List<KeyValuePair<string, AuditEntry>> Rows { get; } = [];

    /// <summary>The chain heads, by chain.</summary>
    public Dictionary<string, AuditChainHead> Heads { get; } = [];

    public Task Append(IReadOnlyList<AuditEntry> entries, AuditChainHead head, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var expected = head.Count - entries.Count;
            var stored = Heads.TryGetValue(head.Chain, out var current) ? current.Count : 0;
            if (stored != expected)
                throw new InvalidOperationException($"Audit chain {head.Chain} moved: its head is at {stored}, this writer expected {expected}.");
            foreach (var entry in entries) Rows.Add(new(Key(entry), entry));
            Heads[head.Chain] = head;
        }
        return Task.CompletedTask;
    }

    public Task<AuditEntry[]> Query(AuditQuery query, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult(Rows.Select(r => r.Value)
                .Where(e => AuditFilter.Matches(e, query))
                .OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.EventId, StringComparer.Ordinal)
                .Take(AuditFilter.Limit(query))
                .ToArray());
    }

    public Task<AuditChainHead?> ReadHead(string chain, CancellationToken cancellationToken = default)
    {
        lock (_lock) return Task.FromResult(Heads.GetValueOrDefault(chain));
    }

    public Task<AuditChainHead[]> ReadHeads(CancellationToken cancellationToken = default)
    {
        lock (_lock) return Task.FromResult(Heads.Values.ToArray());
    }

    public Task<StoredAuditRow[]> ReadRows(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        string low = KeyOf(from), high = KeyOf(to);
        lock (_lock)
            return Task.FromResult(Rows
                .Select((row, index) => (row, index))
                .Where(r => string.CompareOrdinal(r.row.Key, low) >= 0 && string.CompareOrdinal(r.row.Key, high) < 0)
                .Select(r => new StoredAuditRow($"row {r.index} ({r.row.Key})", null, r.row.Value,
                    Key(r.row.Value) == r.row.Key ? null : "the row's key does not fit the entry it holds (moved or swapped)"))
                .ToArray());
    }

    public Task RemoveDay(string chain, bool keepHead, CancellationToken cancellationToken = default)
    {
        var start = AuditChain.Start(chain);
        string low = KeyOf(start), high = KeyOf(start.AddDays(1));
        lock (_lock)
        {
            Rows.RemoveAll(r => string.CompareOrdinal(r.Key, low) >= 0 && string.CompareOrdinal(r.Key, high) < 0);
            if (!keepHead) Heads.Remove(chain);
        }
        return Task.CompletedTask;
    }

    public IEnumerable<string> CopiesOf(AuditEntry entry) => [];

    private static string Key(AuditEntry entry) => $"{KeyOf(entry.Timestamp)}|{entry.EventId}";

    private static string KeyOf(DateTimeOffset at) => at.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
