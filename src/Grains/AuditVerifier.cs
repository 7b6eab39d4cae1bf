namespace AccessGrid.Grains;

/// <summary>Checks the audit chains as stored: every entry's hash against its content, every link against its
/// predecessor, every head against its chain's last entry, every index copy against the chain's own row, and every
/// head's link to the chain before it. Reads one day at a time and stops at the first break. An archived day is checked
/// from its archive blob against the head the hot store kept; days before the retention horizon are not expected.</summary>
public sealed class AuditVerifier(IAuditStore store, TimeProvider clock, IAuditArchive? archive = null, AuditRetention? retention = null)
{
    public async Task<AuditVerification> Verify(CancellationToken cancellationToken = default)
    {
        // Heads first: rows written after this point are beyond the heads read here and are left for the next check.
        var heads = (await store.ReadHeads(cancellationToken)).ToDictionary(h => h.Chain, StringComparer.Ordinal);
        var tally = new Tally();
        var archived = archive is null ? [] : (await archive.Days(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        // Days before the horizon were deleted whole (and recorded as "audit.expired"): a link to one is not a break.
        var horizon = retention?.Horizon(clock.GetUtcNow()) ?? DateTimeOffset.MinValue;
        var horizonChain = retention is null ? "" : AuditChain.Of(horizon);

        foreach (var head in heads.Values)
            if (head.PreviousChain is { } previous && !heads.ContainsKey(previous) && string.CompareOrdinal(previous, horizonChain) >= 0)
                return tally.Broken(new AuditBreak(previous, null, null, $"Chain {head.Chain} follows chain {previous}, whose head is missing."));

        // Every day from the first chain named anywhere (and at least from yesterday) to today, so that rows whose head
        // was deleted are found too: a deleted head is either named by a later chain or one of the last two days'.
        // With no head at all, every row there is.
        var named = heads.Values.SelectMany(h => new[] { h.Chain, h.PreviousChain }).OfType<string>().ToArray();
        if (named.Length == 0)
            return Outcome(Check(null, null, await store.ReadRows(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, cancellationToken), tally), tally);
        var today = AuditChain.Start(AuditChain.Of(clock.GetUtcNow()));
        var first = AuditChain.Start(named.Min(StringComparer.Ordinal)!);
        if (first < horizon) first = horizon;
        for (var day = first < today.AddDays(-1) ? first : today.AddDays(-1); day <= today; day = day.AddDays(1))
        {
            var chain = AuditChain.Of(day);
            var head = heads.GetValueOrDefault(chain);
            var broken = archived.Contains(chain) ? await CheckArchived(chain, head, tally, cancellationToken)
                : Check(chain, head, await store.ReadRows(day, day.AddDays(1), cancellationToken), tally);
            if (broken is not null) return tally.Broken(broken);
        }
        return tally.Result();
    }

    /// <summary>An archived day: the blob's entries must form the chain the hot head describes (a replaced blob with a
    /// consistent chain of its own still ends on a different last hash), and the blob's own head must agree.</summary>
    private async Task<AuditBreak?> CheckArchived(string chain, AuditChainHead? head, Tally tally, CancellationToken cancellationToken)
    {
        var day = await archive!.Read(chain, cancellationToken);
        var location = $"archive/{chain}";
        if (day is null) return head is null ? null : new AuditBreak(chain, null, location, $"The archive blob of chain {chain} is missing.");
        if (head is null) return new AuditBreak(chain, null, location, $"Chain {chain} is archived but its head row was deleted.");
        if (day.Head != head) return new AuditBreak(chain, null, location, $"The archive blob of chain {chain} holds a different head than the store.");
        var rows = day.Entries.Select((e, i) => new StoredAuditRow($"{location}#{i}", null, e,
            AuditChain.Of(e.Timestamp) == chain ? null : "the entry's time does not belong to the archived day")).ToArray();
        return Check(chain, head, rows, tally, archivedDay: true);
    }

    private static AuditVerification Outcome(AuditBreak? broken, Tally tally) => broken is null ? tally.Result() : tally.Broken(broken);

    private AuditBreak? Check(string? day, AuditChainHead? head, StoredAuditRow[] rows, Tally tally, bool archivedDay = false)
    {
        tally.Rows += rows.Length;
        var chainLabel = day ?? "(no chain head)";
        if (rows.FirstOrDefault(r => r.Problem is not null) is { } bad)
            return new AuditBreak(bad.Entry?.Seal?.Chain ?? chainLabel, bad.Entry?.Seal?.Sequence, bad.Location, $"Row {bad.Location}: {bad.Problem}.");

        tally.Unsealed += rows.LongCount(r => r.CopyOf is null && r.Entry!.Seal is null);
        var own = rows.Where(r => r.CopyOf is null && r.Entry!.Seal is not null).ToArray();
        if (head is null)
            return own.Length == 0 ? null : new AuditBreak(own[0].Entry!.Seal!.Chain, null, own[0].Location,
                $"Chain {own[0].Entry!.Seal!.Chain} has stored entries but no head (the head row was deleted).");
        if (own.FirstOrDefault(r => r.Entry!.Seal!.Chain != day) is { } stray)
            return new AuditBreak(chainLabel, stray.Entry!.Seal!.Sequence, stray.Location,
                $"Row {stray.Location} is sealed for chain {stray.Entry.Seal.Chain} but its key places it in {chainLabel}.");
        tally.Chains++;

        // Walk the chain in order; rows past the head were written after the heads were read.
        var bySequence = own.Where(r => r.Entry!.Seal!.Sequence < head.Count).GroupBy(r => r.Entry!.Seal!.Sequence).ToDictionary(g => g.Key, g => g.ToArray());
        var previousHash = AuditChain.Genesis;
        for (long sequence = 0; sequence < head.Count; sequence++)
        {
            if (!bySequence.TryGetValue(sequence, out var found))
                return new AuditBreak(head.Chain, sequence, null, $"Entry {sequence} of chain {head.Chain} is missing (deleted, or re-sealed elsewhere).");
            if (found.Length > 1)
                return new AuditBreak(head.Chain, sequence, found[1].Location, $"Rows {string.Join(" and ", found.Select(f => f.Location))} both claim entry {sequence}.");
            var row = found[0];
            var seal = row.Entry!.Seal!;
            if (AuditChain.Recompute(row.Entry) != seal.Hash)
                return new AuditBreak(head.Chain, sequence, row.Location, $"Row {row.Location} (entry {sequence}) was altered: its content does not match its hash.");
            if (seal.PreviousHash != previousHash)
                return new AuditBreak(head.Chain, sequence, row.Location, $"Row {row.Location} (entry {sequence}) does not follow entry {sequence - 1}: the chain was reordered or rewritten.");
            previousHash = seal.Hash;
            tally.Entries++;
        }
        if (previousHash != head.LastHash)
            return new AuditBreak(head.Chain, head.Count - 1, null, $"The head of chain {head.Chain} does not match its last entry {head.Count - 1}.");

        // Index copies: each must be an exact copy of a chain row, and each chain row must have all of its copies.
        var chainRows = bySequence.Values.Select(f => f[0]).ToDictionary(r => r.Entry!.Seal!.Sequence);
        // A copy of an entry that never reached the chain (its writer failed between the copy and the chain row) is an
        // orphan: counted, not a break. Tampering cannot hide behind that: the entry it was taken from still needs its copy.
        var sealedCopies = rows.Where(r => r.CopyOf is not null && r.Entry!.Seal is not null && r.Entry.Seal.Sequence < head.Count).ToArray();
        var copies = sealedCopies.Where(c => chainRows[c.Entry!.Seal!.Sequence].Entry!.EventId == c.Entry.EventId).ToArray();
        tally.Orphans += sealedCopies.Length - copies.Length;
        foreach (var copy in copies)
        {
            var original = chainRows[copy.Entry!.Seal!.Sequence].Entry!;
            if (copy.Entry != original)
                return new AuditBreak(head.Chain, original.Seal!.Sequence, copy.Location, $"Copy {copy.Location} differs from entry {original.Seal.Sequence} of the chain.");
        }
        // Archives keep no index copies: they are derivable from the chain rows.
        if (archivedDay) return null;
        var present = copies.Select(c => (c.CopyOf!, c.Entry!.Seal!.Sequence)).ToHashSet();
        foreach (var (sequence, row) in chainRows)
            if (store.CopiesOf(row.Entry!).FirstOrDefault(p => !present.Contains((p, sequence))) is { } missing)
                return new AuditBreak(head.Chain, sequence, null, $"Entry {sequence} of chain {head.Chain} has lost its copy in {missing}.");
        return null;
    }

    private sealed class Tally
    {
        public int Chains;
        public long Entries, Rows, Unsealed, Orphans;
        public AuditVerification Result() => new(Chains, Entries, Rows, Unsealed, Orphans, null);
        public AuditVerification Broken(AuditBreak at) => new(Chains, Entries, Rows, Unsealed, Orphans, at);
    }
}
