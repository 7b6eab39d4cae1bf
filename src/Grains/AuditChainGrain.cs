using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>One day's audit chain and its only writer: Orleans keeps a single activation per key, and the head's
/// conditional write in the store refuses a second writer during a split activation. Reentrant, so appends from
/// every silo queue up while a write is in flight and go out together in the next group commit (at most
/// <see cref="TableAuditStore.MaxBatch"/> entries and the head in one storage transaction).</summary>
[Reentrant]
public sealed class AuditChainGrain(IAuditStore store, ILogger<AuditChainGrain> logger) : Grain, IAuditChainGrain
{
    private AuditChainHead _head = null!;
    private Batch? _open;
    private Task _lastWrite = Task.CompletedTask;
    private bool _failed;

    private string Chain => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!AuditChain.IsChainId(Chain)) throw new ArgumentException($"'{Chain}' is not a chain id (yyyy-MM-dd).");
        _head = await store.ReadHead(Chain, cancellationToken) ?? new AuditChainHead(Chain, 0, AuditChain.Genesis, await Predecessor(cancellationToken));
    }

    public async ValueTask Append(AuditEntry entry)
    {
        // After a failed write this activation's idea of the head may be wrong; the next one re-reads it.
        if (_failed) throw new InvalidOperationException($"Audit chain {Chain} is restarting after a failed write; try again.");
        if (_open is null || _open.Entries.Count >= TableAuditStore.MaxBatch)
        {
            _open = new Batch();
            _open.Written = Write(_open, _lastWrite);
            _lastWrite = _open.Written;
        }
        var batch = _open;
        var sealedEntry = AuditChain.Seal(entry, _head);
        _head = AuditChain.Advance(_head, sealedEntry);
        batch.Entries.Add(sealedEntry);
        batch.Head = _head;
        await batch.Written;
    }

    private async Task Write(Batch batch, Task previous)
    {
        await Task.Yield(); // let this turn and the appends queued behind it join the batch
        try
        {
            await previous;
        }
        catch
        {
            throw new InvalidOperationException($"Audit chain {Chain}: an earlier write failed.");
        }
        if (_open == batch) _open = null;
        try
        {
            await store.Append(batch.Entries, batch.Head);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Writing {Count} entries of audit chain {Chain} failed; restarting the chain writer", batch.Entries.Count, Chain);
            _failed = true;
            this.DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>The newest chain that exists when this one begins (normally yesterday's), linked from this chain's head.</summary>
    private async Task<string?> Predecessor(CancellationToken cancellationToken) =>
        (await store.ReadHeads(cancellationToken)).Select(h => h.Chain).Where(c => c != Chain).Max(StringComparer.Ordinal);

    private sealed class Batch
    {
        public List<AuditEntry> Entries { get; } = [];
        public AuditChainHead Head { get; set; } = null!;
        public Task Written { get; set; } = Task.CompletedTask;
    }
}
