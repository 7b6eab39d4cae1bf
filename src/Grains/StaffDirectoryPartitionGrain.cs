using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>One partition of the staff directory. Reentrant with one write at a time: changes that arrive while a
/// write is in flight are applied in memory and stored together by the next write (a group commit), so a bulk import
/// writes each partition far fewer times than it adds people. Reads never wait for a write.</summary>
[Reentrant]
public sealed class StaffDirectoryPartitionGrain(
    [PersistentState("staffDirectory", StorageNames.Directory)] IPersistentState<StaffDirectoryPartitionState> state)
    : Grain, IStaffDirectoryPartitionGrain
{
    private DirectoryPartition _people = null!;
    private Task _writing = Task.CompletedTask;
    private Task? _queued;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _people = new DirectoryPartition(state.State.Names);
        return Task.CompletedTask;
    }

    public async ValueTask Put(string staffId, string name)
    {
        if (_people.Put(staffId, name)) await Save();
    }

    public async ValueTask Remove(string staffId)
    {
        if (_people.Remove(staffId)) await Save();
    }

    public ValueTask<PartitionPage> Find(string? text, string? after, int take) =>
        ValueTask.FromResult(_people.Find(StaffMatch.Parse(text), after, take));

    /// <summary>Completes when a write that started after this change has stored it.</summary>
    private Task Save() => _queued ??= WriteAfter(_writing);

    private async Task WriteAfter(Task previous)
    {
        await Task.Yield(); // the caller stores this task as the queued write first
        // The previous write's callers saw its failure; this write carries their changes again.
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        (_writing, _queued) = (_queued!, null);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // A failed write may leave a stale ETag; reload from storage rather than fail every later write.
            DeactivateOnIdle();
            throw;
        }
    }
}
