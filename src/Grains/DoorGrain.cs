using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>A door and its decision flow. Reentrant: a decision is mostly waiting on the index and the staff grain,
/// so frames from one busy door overlap instead of queueing; its state changes only on (re)configuration.</summary>
[Reentrant]
public sealed class DoorGrain(
    [PersistentState("door", StorageNames.Doors)] IPersistentState<DoorState> state,
    IOptions<AccessGridOptions> options,
    TimeProvider clock) : Grain, IDoorGrain
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
        if (door.Mode == DoorMode.Verify) return await Decide("access", started, DecisionReason.ModeNotAllowed, null, null, null, 0, null);
        var (embedding, problem, faces, liveness) = Evidence(door, burst);
        if (embedding is null) return await Decide("access", started, problem, null, null, null, faces, liveness);

        var search = await Index.Search(embedding, Candidates);
        var ranked = search.Hits;
        var threshold = Options.Thresholds.IdentifyThreshold(search.Identities);
        if (ranked.Length == 0 || ranked[0].Distance > threshold)
            return await Decide("access", started, DecisionReason.UnknownFace, null, null, ranked.FirstOrDefault()?.Distance, faces, liveness);
        var best = ranked[0];
        // Rank-1 must stand clear of the runner-up identity: two people about equally close means we do not know who it is.
        if (ranked.Length > 1 && ranked[1].Distance - best.Distance < Options.Thresholds.IdentifyMargin)
            return await Decide("access", started, DecisionReason.UnknownFace, null, null, best.Distance, faces, liveness);

        var auth = await GrainFactory.GetGrain<IStaffGrain>(best.StaffId).Authorize(Id, door.Zone, clock.GetUtcNow());
        return await Decide("access", started, auth.Reason ?? DecisionReason.Identified, best.StaffId, auth.Name, best.Distance, faces, liveness);
    }

    public async ValueTask<Decision> Verify(AnalysedBurst burst, string staffId)
    {
        var started = Started(burst);
        var door = RequireDoor();
        Ids.Require(staffId, "Staff id", "invalid_staff_id");
        if (door.Mode == DoorMode.Identify) return await Decide("verify", started, DecisionReason.ModeNotAllowed, staffId, null, null, 0, null);
        var (embedding, problem, faces, liveness) = Evidence(door, burst);
        if (embedding is null) return await Decide("verify", started, problem, staffId, null, null, faces, liveness);

        // Near the claim is not enough when someone else is plainly nearer: the staff grain weighs the nearest other person.
        var search = await Index.Search(embedding, Candidates);
        var nearestOther = search.Hits.FirstOrDefault(h => h.StaffId != staffId)?.Distance;
        var claim = await GrainFactory.GetGrain<IStaffGrain>(staffId).CheckClaim(embedding, nearestOther, Id, door.Zone, clock.GetUtcNow());
        return await Decide("verify", started, claim.Reason ?? DecisionReason.Verified, staffId, claim.Name, claim.Distance, faces, liveness);
    }

    /// <summary>The tracked person's fused encoding if the burst is good enough to decide on — a face, of decision
    /// quality, alive under the door's policy — else the reason to deny; how many faces there were; the liveness verdict.</summary>
    private (float[]? Embedding, DecisionReason Problem, int Faces, LivenessSummary Liveness) Evidence(DoorInfo door, AnalysedBurst burst)
    {
        var frames = burst.Frames ?? [];
        var faces = frames.Length == 0 ? 0 : frames.Max(f => f.Faces?.Length ?? 0);
        var liveness = DoorLiveness.Judge(door.Liveness, burst);
        var tracked = burst.TrackedFaces().ToArray();
        if (tracked.Length == 0) return (null, FrameProblemReason(frames), faces, liveness);
        var good = tracked.Where(f => Options.Quality.Decision.Check(f.Quality) is null).ToArray();
        if (good.Length == 0) return (null, DecisionReason.LowQuality, faces, liveness);
        if (DoorLiveness.Denial(liveness) is { } denial) return (null, denial, faces, liveness);
        return (BurstIdentity.Fuse(good), default, faces, liveness);
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
        state.State = new DoorState { Name = checkedName, Zone = zone, Mode = mode, Liveness = liveness };
        await state.WriteStateAsync();
        var info = Info();
        await GrainFactory.GetGrain<IDirectoryGrain>(0).PutDoor(info);
        await AuditLog.Change(GrainFactory, action, Id, null, $"Door '{info.Name}' in zone '{zone}', mode {mode}, liveness {liveness}.");
        return info;
    }

    private async Task<Decision> Decide(string action, long started, DecisionReason reason, string? staffId, string? name, float? distance, int faces,
        LivenessSummary? liveness)
    {
        var granted = reason is DecisionReason.Identified or DecisionReason.Verified;
        var decision = new Decision(
            Guid.NewGuid().ToString("N"), Id, granted ? DecisionOutcome.Granted : DecisionOutcome.Denied, reason,
            staffId, name, distance, faces, Stopwatch.GetElapsedTime(started).TotalMilliseconds, clock.GetUtcNow(),
            liveness ?? LivenessSummary.NotChecked);
        // Persisted before the reader hears about it: a decision that is not in the audit log did not happen.
        var appending = Stopwatch.GetTimestamp();
        await AuditLog.Of(GrainFactory).Append(new AuditEntry(decision.EventId, decision.Timestamp, AuditKind.Decision, action, Id, staffId,
            $"{decision.Outcome} ({reason})", decision with { Name = null })); // ids only: names are resolved when read
        GrainMetrics.AuditAppended(Stopwatch.GetElapsedTime(appending).TotalMilliseconds);
        GrainMetrics.Decided(action, decision);
        GrainFactory.GetGrain<IDecisionNotifierGrain>(0).Notify(decision).AsTask().Ignore();
        return decision;
    }

    private DoorInfo RequireDoor() => state.RecordExists ? Info() : throw AccessGridException.UnknownDoor(Id);

    private DoorInfo Info() => new(Id, state.State.Name, state.State.Zone, state.State.Mode, state.State.Liveness);
}
