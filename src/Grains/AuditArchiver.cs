namespace AccessGrid.Grains;

/// <summary>Keeps the hot audit store small: moves each closed day (ended more than a day ago, so no late entry can
/// still arrive) into one archive blob, keeping only its head row hot, and deletes days older than the retention,
/// archive blob and head together. Every step is idempotent, so a crash half-way is repaired by the next run.</summary>
public sealed class AuditArchiver(IAuditStore store, IAuditArchive archive, AuditRetention retention, TimeProvider clock)
{
    /// <summary>One pass; returns the heads of the days it deleted, for the caller to record.</summary>
    public async Task<AuditHousekeepingReport> Run(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var horizon = retention.Horizon(now);
        var lastClosed = AuditChain.Start(AuditChain.Of(now)).AddDays(-2);
        var archived = (await archive.Days(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var heads = await store.ReadHeads(cancellationToken);
        List<string> moved = [];
        List<AuditChainHead> expired = [];

        foreach (var head in heads.OrderBy(h => h.Chain, StringComparer.Ordinal))
        {
            var start = AuditChain.Start(head.Chain);
            if (start < horizon)
            {
                await archive.Delete(head.Chain, cancellationToken);
                await store.RemoveDay(head.Chain, keepHead: false, cancellationToken);
                expired.Add(head);
            }
            else if (start <= lastClosed && !archived.Contains(head.Chain) && await Archive(head, cancellationToken))
            {
                moved.Add(head.Chain);
            }
        }
        // Blobs whose head went first (a crash between the two deletions) expire too.
        foreach (var day in archived.Where(d => AuditChain.Start(d) < horizon && heads.All(h => h.Chain != d)))
            await archive.Delete(day, cancellationToken);
        return new AuditHousekeepingReport([.. moved], [.. expired]);
    }

    private async Task<bool> Archive(AuditChainHead head, CancellationToken cancellationToken)
    {
        var start = AuditChain.Start(head.Chain);
        var own = (await store.ReadRows(start, start.AddDays(1), cancellationToken))
            .Where(r => r.CopyOf is null && r.Entry is not null).Select(r => r.Entry!).ToArray();
        var chained = own.Where(e => e.Seal?.Chain == head.Chain).OrderBy(e => e.Seal!.Sequence).ToArray();
        // Only a complete day is archived; an incomplete one stays hot, where the chain check reports it.
        if (chained.Length != head.Count || chained.Where((e, i) => e.Seal!.Sequence != i).Any()) return false;
        await archive.Write(new ArchivedAuditDay(head, [.. chained, .. own.Where(e => e.Seal is null)]), cancellationToken);
        await store.RemoveDay(head.Chain, keepHead: true, cancellationToken);
        return true;
    }
}
