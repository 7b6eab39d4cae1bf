using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>A door and its decision flow. Reentrant: a decision is mostly waiting on the index and the staff grain,
/// so frames from one busy door overlap instead of queueing; its state changes only on (re)configuration.</summary>
[Reentrant]
public sealed partial class DoorGrain(
    [PersistentState("door", StorageNames.Doors)] IPersistentState<DoorState> state,
    IOptions<AccessGridOptions> options,
    IFaceImageStore images,
    TimeProvider clock,
    ILogger<DoorGrain> logger) : Grain, IDoorGrain
{
    /// <summary>People asked from the index per query: enough to see the runner-up identity.</summary>
    private const int Candidates = 5;

    private string Id => this.GetPrimaryKeyString();
    private AccessGridOptions Options => options.Value;
    private FaceIndex Index => new(GrainFactory, Options.IndexShards);

    public async ValueTask<DoorInfo> Create(string name, string zone, DoorMode mode, LivenessPolicy? liveness)
    {
        Ids.Require(Id, "Door id");
        if (state.RecordExists) throw AccessGridException.Conflict("door_exists", $"Door '{Id}' already exists.");
        return await Save(name, zone, mode, liveness ?? LivenessPolicy.Passive, "door.created");
    }

    public async ValueTask<DoorInfo> Update(string name, string zone, DoorMode? mode, LivenessPolicy? liveness)
    {
        var current = RequireDoor();
        return await Save(name, zone, mode ?? current.Mode, liveness ?? current.Liveness, "door.updated");
    }

    public async ValueTask<DoorInfo> SetSnapshots(bool enabled)
    {
        RequireDoor();
        if (state.State.Snapshots == enabled) return Info();
        state.State.Snapshots = enabled;
        await state.WriteStateAsync();
        var info = Info();
        await GrainFactory.GetGrain<IDirectoryGrain>(0).PutDoor(info);
        await AuditLog.Change(GrainFactory, enabled ? "door.snapshots_on" : "door.snapshots_off", Id, null,
            enabled ? "Decision snapshots on: denied decisions keep a picture of the face." : "Decision snapshots off.");
        return info;
    }

    public ValueTask<DoorInfo?> GetInfo() => ValueTask.FromResult(state.RecordExists ? Info() : null);

    public async ValueTask<bool> Remove()
    {
        if (!state.RecordExists) return false;
        // Its reader keys go first: a door id re-created later must not revive them.
        await GrainFactory.GetGrain<IApiKeyRegistryGrain>(0).RevokeDoorKeys(Id);
        await state.ClearStateAsync();
        state.State = new DoorState();
        await GrainFactory.GetGrain<IDirectoryGrain>(0).RemoveDoor(Id);
        await AuditLog.Change(GrainFactory, "door.removed", Id, null, "Door removed.");
        return true;
    }

    public async ValueTask<Decision> Access(AnalysedBurst burst)
    {
        var started = Started(burst);
        var door = RequireDoor();
        if (door.Mode == DoorMode.Verify) return await Decide("access", started, DecisionReason.ModeNotAllowed, null, null, null, 0, null, burst);
        var (embedding, problem, hint, faces, liveness) = Evidence(door, burst);
        if (embedding is null) return await Decide("access", started, problem, null, null, null, faces, liveness, burst, hint);

        var search = await Index.Search(embedding, Candidates);
        var ranked = search.Hits;
        // Rank-1 within the 1:K threshold for this gallery size and clear of the runner-up identity (two people about
        // equally close means we do not know who it is): the rule lives in DecisionThresholds, which eval openset uses too.
        var best = ranked.FirstOrDefault();
        var runnerUp = ranked.Length > 1 ? ranked[1].Distance : float.PositiveInfinity;
        if (best is null || !Options.Thresholds.Identifies(best.Distance, runnerUp, search.Identities))
            return await Decide("access", started, DecisionReason.UnknownFace, null, null, best?.Distance, faces, liveness, burst);

        var auth = await GrainFactory.GetGrain<IStaffGrain>(best.StaffId).Authorize(Id, door.Zone, clock.GetUtcNow());
        return await Decide("access", started, auth.Reason ?? DecisionReason.Identified, best.StaffId, auth.Name, best.Distance, faces, liveness, burst);
    }

    public async ValueTask<Decision> Verify(AnalysedBurst burst, string staffId)
    {
        var started = Started(burst);
        var door = RequireDoor();
        Ids.Require(staffId, "Staff id", "invalid_staff_id");
        if (door.Mode == DoorMode.Identify) return await Decide("verify", started, DecisionReason.ModeNotAllowed, staffId, null, null, 0, null, burst);
        var (embedding, problem, hint, faces, liveness) = Evidence(door, burst);
        if (embedding is null) return await Decide("verify", started, problem, staffId, null, null, faces, liveness, burst, hint);

        // Near the claim is not enough when someone else is plainly nearer: the staff grain weighs the nearest other person.
        var search = await Index.Search(embedding, Candidates);
        var nearestOther = search.Hits.FirstOrDefault(h => h.StaffId != staffId)?.Distance;
        var claim = await GrainFactory.GetGrain<IStaffGrain>(staffId).CheckClaim(embedding, nearestOther, Id, door.Zone, clock.GetUtcNow());
        return await Decide("verify", started, claim.Reason ?? DecisionReason.Verified, staffId, claim.Name, claim.Distance, faces, liveness, burst);
    }

    /// <summary>The tracked person's fused encoding if the burst is good enough to decide on — a face, of decision
    /// quality, alive under the door's policy — else the reason to deny and, for a poor face, what the person can do
    /// about it; how many faces there were; the liveness verdict.</summary>
    private (float[]? Embedding, DecisionReason Problem, string? Hint, int Faces, LivenessSummary Liveness) Evidence(DoorInfo door, AnalysedBurst burst)
    {
        var frames = burst.Frames ?? [];
        var faces = frames.Length == 0 ? 0 : frames.Max(f => f.Faces?.Length ?? 0);
        var liveness = DoorLiveness.Judge(door.Liveness, burst);
        var tracked = burst.TrackedFaces().ToArray();
        if (tracked.Length == 0)
        {
            var problem = FrameProblemReason(frames);
            // Faces were seen, all below the pipeline's minimum size: someone is there, too far away.
            return (null, problem, problem == DecisionReason.LowQuality ? QualityHint.ComeCloser : null, faces, liveness);
        }
        var limits = Options.Quality.Decision;
        var good = tracked.Where(f => limits.Check(f.Quality) is null).ToArray();
        if (good.Length == 0)
        {
            var clearest = tracked.MaxBy(f => f.Quality.DetectionScore)!;
            return (null, DecisionReason.LowQuality, QualityHint.For(limits.Check(clearest.Quality)!.Value, clearest.Quality, limits), faces, liveness);
        }
        if (DoorLiveness.Denial(liveness) is { } denial) return (null, denial, null, faces, liveness);
        return (BurstIdentity.Fuse(good), default, null, faces, liveness);
    }

    /// <summary>Why no frame gave a face: the first frame's problem (a single frame: exactly its problem).</summary>
    private static DecisionReason FrameProblemReason(AnalysedFrame[] frames) => frames.FirstOrDefault(f => f.Problem is not null) switch
    {
        { Problem: FrameProblem.FaceTooSmall } => DecisionReason.LowQuality,
        { Problem: FrameProblem.NoFace } or null => DecisionReason.NoFace,
        _ => DecisionReason.BadImage,
    };

    /// <summary>The decision's latency counts from the frame's arrival, so it includes the analysis done before the door.</summary>
    private static long Started(AnalysedBurst burst) =>
        Stopwatch.GetTimestamp() - (long)(Math.Max(0, (burst.Frames ?? []).Sum(f => f.PipelineMs)) * Stopwatch.Frequency / 1000);

    private async Task<DoorInfo> Save(string name, string zone, DoorMode mode, LivenessPolicy liveness, string action)
    {
        var checkedName = Names.Require(name, "A door");
        Ids.Require(zone, "Zone", "invalid_zone");
        if (!Enum.IsDefined(mode)) throw AccessGridException.Invalid("invalid_mode", "mode must be identify, verify or both.");
        if (!Enum.IsDefined(liveness)) throw AccessGridException.Invalid("invalid_liveness", "liveness must be off, passive or active.");
        state.State = new DoorState { Name = checkedName, Zone = zone, Mode = mode, Liveness = liveness, Snapshots = state.State.Snapshots };
        await state.WriteStateAsync();
        var info = Info();
        await GrainFactory.GetGrain<IDirectoryGrain>(0).PutDoor(info);
        await AuditLog.Change(GrainFactory, action, Id, null, $"Door '{info.Name}' in zone '{zone}', mode {mode}, liveness {liveness}.");
        return info;
    }

    private async Task<Decision> Decide(string action, long started, DecisionReason reason, string? staffId, string? name, float? distance, int faces,
        LivenessSummary? liveness, AnalysedBurst burst, string? hint = null)
    {
        var granted = reason is DecisionReason.Identified or DecisionReason.Verified;
        var eventId = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        // Kept before the audit entry that links it, so the link never points at a picture still being written.
        var snapshot = !granted && state.State.Snapshots && burst.FaceJpeg is { Length: > 0 } jpeg
            && await KeepSnapshot(new DecisionSnapshot(eventId, Id, staffId, now, jpeg)) ? eventId : null;
        var decision = new Decision(
            eventId, Id, granted ? DecisionOutcome.Granted : DecisionOutcome.Denied, reason,
            staffId, name, distance, faces, Stopwatch.GetElapsedTime(started).TotalMilliseconds, now,
            liveness ?? LivenessSummary.NotChecked, hint, snapshot);
        // Persisted before the reader hears about it: a decision that is not in the audit log did not happen.
        var appending = Stopwatch.GetTimestamp();
        await AuditLog.Of(GrainFactory).Append(new AuditEntry(decision.EventId, decision.Timestamp, AuditKind.Decision, action, Id, staffId,
            $"{decision.Outcome} ({reason})", decision with { Name = null })); // ids only: names are resolved when read
        GrainMetrics.AuditAppended(Stopwatch.GetElapsedTime(appending).TotalMilliseconds);
        GrainMetrics.Decided(action, decision);
        GrainFactory.GetGrain<IDecisionNotifierGrain>(0).Notify(decision).AsTask().Ignore();
        return decision;
    }

    /// <summary>A picture is worth less than the decision: a store that fails loses the snapshot, not the decision.</summary>
    private async Task<bool> KeepSnapshot(DecisionSnapshot snapshot)
    {
        try
        {
            await images.PutSnapshot(snapshot);
            return true;
        }
        catch (Exception e)
        {
            SnapshotFailed(e, snapshot.EventId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Decision {EventId}: the snapshot could not be stored; the decision stands without it.")]
    private partial void SnapshotFailed(Exception exception, string eventId);

    private DoorInfo RequireDoor() => state.RecordExists ? Info() : throw AccessGridException.UnknownDoor(Id);

    private DoorInfo Info() => new(Id, state.State.Name, state.State.Zone, state.State.Mode, state.State.Liveness, state.State.Snapshots);
}
