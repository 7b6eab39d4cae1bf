namespace AccessGrid.Grains;

/// <summary>Answers an audit query from the hot store and, when that runs short, from the archived days in the
/// query's range, newest first: a day is either hot or archived, and archived days are older than hot ones.</summary>
public static class AuditReader
{
    public static async Task<AuditEntry[]> Query(IAuditStore store, IAuditArchive archive, AuditQuery query, CancellationToken cancellationToken = default)
    {
        var limit = AuditFilter.Limit(query);
        var results = (await store.Query(query, cancellationToken)).ToList();
        if (results.Count >= limit) return [.. results];

        var seen = results.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
        var days = (await archive.Days(cancellationToken))
            .Where(d => (query.To is not { } to || AuditChain.Start(d) < to) && (query.From is not { } from || AuditChain.Start(d).AddDays(1) > from))
            .OrderDescending(StringComparer.Ordinal);
        foreach (var chain in days)
        {
            if (await archive.Read(chain, cancellationToken) is not { } day) continue;
            results.AddRange(day.Entries.Where(e => AuditFilter.Matches(e, query) && seen.Add(e.EventId))
                .OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.EventId, StringComparer.Ordinal));
            if (results.Count >= limit) break;
        }
        return [.. results.Take(limit)];
    }
}
