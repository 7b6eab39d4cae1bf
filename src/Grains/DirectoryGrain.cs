using Microsoft.Extensions.Logging;

namespace AccessGrid.Grains;

/// <summary>The list of doors, kept by the door grains as they are created and removed; and, once, the move of an old
/// directory's staff ids into the partitioned staff directory.</summary>
public sealed class DirectoryGrain(
    [PersistentState("directory", StorageNames.Directory)] IPersistentState<DirectoryState> state,
    ILogger<DirectoryGrain> logger) : Grain, IDirectoryGrain
{
    /// <summary>People moved per step: small enough that door calls queued behind a step wait a moment only.</summary>
    private const int MigrationBatch = 200;

    private IGrainTimer? _migration;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Staff.Count > 0)
        {
            logger.LogInformation("Moving {Count} staff ids of the old directory into the partitioned staff directory.", state.State.Staff.Count);
            _migration = this.RegisterGrainTimer(MigrateStep, new GrainTimerCreationOptions(TimeSpan.Zero, TimeSpan.FromMilliseconds(10)) { KeepAlive = true });
        }
        return Task.CompletedTask;
    }

    public ValueTask<DoorInfo[]> ListDoors() =>
        ValueTask.FromResult(state.State.Doors.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray());

    public async ValueTask PutDoor(DoorInfo door)
    {
        state.State.Doors[door.Id] = door;
        await state.WriteStateAsync();
    }

    public async ValueTask RemoveDoor(string doorId)
    {
        if (state.State.Doors.Remove(doorId)) await state.WriteStateAsync();
    }

    public async ValueTask<int> MigrateLegacyStaff(int count)
    {
        var batch = state.State.Staff.Order(StringComparer.Ordinal).Take(Math.Max(count, 0)).ToArray();
        if (batch.Length == 0) return state.State.Staff.Count;
        // The name comes from the person's own state; someone erased since is simply not moved.
        var profiles = await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<IStaffGrain>(id).GetProfile().AsTask()));
        await Task.WhenAll(profiles.OfType<StaffProfile>().Select(p => StaffDirectory.PartitionOf(GrainFactory, p.Id).Put(p.Id, p.Name).AsTask()));
        state.State.Staff.ExceptWith(batch);
        await state.WriteStateAsync();
        return state.State.Staff.Count;
    }

    private async Task MigrateStep(CancellationToken cancellationToken)
    {
        if (await MigrateLegacyStaff(MigrationBatch) > 0) return;
        logger.LogInformation("The old directory's staff ids are all in the partitioned staff directory.");
        _migration?.Dispose();
    }
}
