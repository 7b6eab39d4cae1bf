namespace AccessGrid.Grains;

/// <summary>The append-only audit log's storage (Azure Table rows in production; memory in tests). Only
/// <see cref="AuditChainGrain"/> writes, one activation per day chain.</summary>
public interface IAuditStore
{
    /// <summary>Stores sealed entries of one chain and moves its head to <paramref name="head"/>. The chain's own rows
    /// and the head are written together or not at all; a head moved meanwhile by another writer fails the call.</summary>
    Task Append(IReadOnlyList<AuditEntry> entries, AuditChainHead head, CancellationToken cancellationToken = default);

    /// <summary>Matching entries, newest first, at most <see cref="AuditQuery.Limit"/>.</summary>
    Task<AuditEntry[]> Query(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>One chain's head, or null before its first entry.</summary>
    Task<AuditChainHead?> ReadHead(string chain, CancellationToken cancellationToken = default);

    /// <summary>Every chain's head.</summary>
    Task<AuditChainHead[]> ReadHeads(CancellationToken cancellationToken = default);

    /// <summary>Every stored row (index copies included) whose key places it in [from, to).</summary>
    Task<StoredAuditRow[]> ReadRows(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Deletes every row of one day (the chain's rows and their index copies) once the day is archived, and
    /// its head too unless <paramref name="keepHead"/> (an archived day keeps its head here; an expired one loses it).</summary>
    Task RemoveDay(string chain, bool keepHead, CancellationToken cancellationToken = default);

    /// <summary>The index copies an entry must have besides the chain's own row.</summary>
    IEnumerable<string> CopiesOf(AuditEntry entry);
}
