using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessGrid.Grains;

/// <summary>One face-index shard. Non-reentrant: writes are applied one at a time (USearch may reallocate on add),
/// and each one bumps the persisted generation before the snapshot, so a crash leaves a snapshot that is recognisably
/// stale and gets rebuilt from the staff grains. Every person is indexed with their mean template beside their own
/// (<see cref="MeanTemplate"/>).</summary>
public sealed class FaceIndexShardGrain(
    [PersistentState("shard", StorageNames.Index)] IPersistentState<IndexShardState> state,
    IIndexSnapshotStore snapshots,
    IOptions<AccessGridOptions> options,
    ILogger<FaceIndexShardGrain> logger) : Grain, IFaceIndexShardGrain
{
    private ShardIndex _index = new();
    private long _snapshotGeneration = -1;
    private bool _rebuiltFromStaff;
    private IGrainTimer? _snapshotTimer;
    private bool _membersNotInGraph;

    private int Shard => (int)this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadSnapshot(cancellationToken)) await RebuildFromStaff(cancellationToken);
        ReportSize();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_snapshotGeneration != state.State.Generation) await SaveSnapshot(cancellationToken);
        GrainMetrics.IndexSizes.Forget(Shard);
        _index.Dispose();
    }

    public async ValueTask SetTemplates(string staffId, FaceTemplate[] templates)
    {
        _index.SetTemplates(staffId, MeanTemplate.With(staffId, templates));
        if (templates.Length > 0) state.State.Members.Add(staffId); else state.State.Members.Remove(staffId);
        await Written(immediateSnapshot: false);
    }

    public async ValueTask<bool> RemoveStaff(string staffId)
    {
        var removed = _index.RemoveStaff(staffId) | state.State.Members.Remove(staffId);
        // Erasure: the old snapshot still holds the encodings, so replace it now rather than after the delay.
        if (removed) await Written(immediateSnapshot: true);
        return removed;
    }

    public async ValueTask AddMembers(string[] staffIds)
    {
        var before = state.State.Members.Count;
        state.State.Members.UnionWith(staffIds);
        if (state.State.Members.Count == before) return;
        // The graph does not hold them yet: a new generation makes every snapshot stale, and none is written from this
        // graph until the rebuild, so a restart in between rebuilds from the staff grains too.
        _membersNotInGraph = true;
        state.State.Generation++;
        await state.WriteStateAsync();
    }

    public ValueTask<ShardSearchResult> Search(float[] query, int k)
    {
        var started = Stopwatch.GetTimestamp();
        var hits = _index.Search(query, k);
        GrainMetrics.Searched(Shard, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return ValueTask.FromResult(new ShardSearchResult(hits, _index.Identities));
    }

    public ValueTask<IndexShardStats> GetStats() => ValueTask.FromResult(Stats());

    public async ValueTask<IndexShardStats> Rebuild()
    {
        await RebuildFromStaff(CancellationToken.None);
        return Stats();
    }

    private async Task Written(bool immediateSnapshot)
    {
        ReportSize();
        state.State.Generation++;
        await state.WriteStateAsync();
        if (immediateSnapshot) await SaveSnapshot(CancellationToken.None);
        else ScheduleSnapshot();
    }

    private void ScheduleSnapshot()
    {
        // One pending timer at a time: a burst of enrollments costs one snapshot.
        _snapshotTimer ??= this.RegisterGrainTimer(async () =>
        {
            // Disposing a timer cancels its callback's token: save first, then let the next write arm a new timer.
            if (_snapshotGeneration != state.State.Generation) await SaveSnapshot(CancellationToken.None);
            _snapshotTimer?.Dispose();
            _snapshotTimer = null;
        }, new GrainTimerCreationOptions(options.Value.SnapshotDelay, Timeout.InfiniteTimeSpan));
    }

    private async Task SaveSnapshot(CancellationToken cancellationToken)
    {
        if (_membersNotInGraph) return; // this graph lacks members: a snapshot of it must not look current
        var generation = state.State.Generation;
        using var buffer = new MemoryStream();
        _index.WriteSnapshot(buffer, generation);
        buffer.Position = 0;
        await snapshots.Write(Shard, generation, buffer, cancellationToken);
        _snapshotGeneration = generation;
    }

    private async Task<bool> TryLoadSnapshot(CancellationToken cancellationToken)
    {
        await using var stream = await snapshots.OpenRead(Shard, cancellationToken);
        if (stream is null) return false;
        using var buffered = new MemoryStream();
        await stream.CopyToAsync(buffered, cancellationToken);
        buffered.Position = 0;
        var loaded = ShardIndex.ReadSnapshot(buffered);
        if (loaded is not { } snapshot || snapshot.Generation != state.State.Generation)
        {
            logger.LogInformation("Index shard {Shard}: snapshot {Why}, rebuilding from staff state", Shard,
                loaded is null ? "unreadable" : $"stale (generation {loaded.Value.Generation}, expected {state.State.Generation})");
            loaded?.Index.Dispose();
            return false;
        }
        _index.Dispose();
        _index = snapshot.Index;
        _snapshotGeneration = snapshot.Generation;
        return true;
    }

    /// <summary>Asks every member for their templates. A member that no longer exists (erased) drops out.</summary>
    private async Task RebuildFromStaff(CancellationToken cancellationToken)
    {
        var members = state.State.Members.ToArray();
        var templates = await Task.WhenAll(members.Select(id => GrainFactory.GetGrain<IStaffGrain>(id).GetTemplates().AsTask()));
        var index = new ShardIndex();
        for (var i = 0; i < members.Length; i++)
            if (templates[i].Length > 0) index.SetTemplates(members[i], MeanTemplate.With(members[i], templates[i]));
        _index.Dispose();
        _index = index;
        _rebuiltFromStaff = true;
        _membersNotInGraph = false;
        state.State.Members = [.. index.StaffIds];
        state.State.Generation++;
        await state.WriteStateAsync(cancellationToken);
        await SaveSnapshot(cancellationToken);
        ReportSize();
        logger.LogInformation("Index shard {Shard} rebuilt from staff state: {People} people, {Templates} templates", Shard, index.Identities, index.Templates);
    }

    private void ReportSize() => GrainMetrics.IndexSizes.Report(Shard, _index.Templates, _index.Identities);

    private IndexShardStats Stats() => new(Shard, _index.Identities, _index.Templates, state.State.Generation,
        _snapshotGeneration, _index.ApproximateBytes, _rebuiltFromStaff);
}
