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

    public async ValueTask<DoorInfo> Create(string name, string zone, DoorMode mode)
    {
        Ids.Require(Id, "Door id");
        if (state.RecordExists) throw AccessGridException.Conflict("door_exists", $"Door '{Id}' already exists.");
        return await Save(name, zone, mode, "door.created");
    }

    public async ValueTask<DoorInfo> Update(string name, string zone, DoorMode? mode)
    {
        var current = RequireDoor();
        return await Save(name, zone, mode ?? current.Mode, "door.updated");
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

    public async ValueTask<Decision> Access(AnalysedFrame frame)
    {
        var started = Started(frame);
        var door = RequireDoor();
        if (door.Mode == DoorMode.Verify) return await Decide("access", started, DecisionReason.ModeNotAllowed, null, null, null, 0);
        var (face, problem, faces) = PrimaryFace(frame);
        if (face is null) return await Decide("access", started, problem, null, null, null, faces);

        var search = await Index.Search(face.Embedding, Candidates);
        var ranked = search.Hits;
        var threshold = Options.Thresholds.IdentifyThreshold(search.Identities);
        if (ranked.Length == 0 || ranked[0].Distance > threshold)
            return await Decide("access", started, DecisionReason.UnknownFace, null, null, ranked.FirstOrDefault()?.Distance, faces);
        var best = ranked[0];
        // Rank-1 must stand clear of the runner-up identity: two people about equally close means we do not know who it is.
        if (ranked.Length > 1 && ranked[1].Distance - best.Distance < Options.Thresholds.IdentifyMargin)
            return await Decide("access", started, DecisionReason.UnknownFace, null, null, best.Distance, faces);

        var auth = await GrainFactory.GetGrain<IStaffGrain>(best.StaffId).Authorize(Id, door.Zone, clock.GetUtcNow());
        return await Decide("access", started, auth.Reason ?? DecisionReason.Identified, best.StaffId, auth.Name, best.Distance, faces);
    }

    public async ValueTask<Decision> Verify(AnalysedFrame frame, string staffId)
    {
        var started = Started(frame);
        var door = RequireDoor();
        Ids.Require(staffId, "Staff id", "invalid_staff_id");
        if (door.Mode == DoorMode.Identify) return await Decide("verify", started, DecisionReason.ModeNotAllowed, staffId, null, null, 0);
        var (face, problem, faces) = PrimaryFace(frame);
        if (face is null) return await Decide("verify", started, problem, staffId, null, null, faces);

        // Near the claim is not enough when someone else is plainly nearer: the staff grain weighs the nearest other person.
        var search = await Index.Search(face.Embedding, Candidates);
        var nearestOther = search.Hits.FirstOrDefault(h => h.StaffId != staffId)?.Distance;
        var claim = await GrainFactory.GetGrain<IStaffGrain>(staffId).CheckClaim(face.Embedding, nearestOther, Id, door.Zone, clock.GetUtcNow());
        return await Decide("verify", started, claim.Reason ?? DecisionReason.Verified, staffId, claim.Name, claim.Distance, faces);
    }

    /// <summary>The primary face if it is good enough to decide on, else the reason to deny; and how many faces there were.</summary>
    private (AnalysedFace? Face, DecisionReason Problem, int Faces) PrimaryFace(AnalysedFrame frame)
    {
        var faces = frame.Faces?.Length ?? 0;
        return frame switch
        {
            { Problem: FrameProblem.NoFace } => (null, DecisionReason.NoFace, faces),
            { Problem: FrameProblem.FaceTooSmall } => (null, DecisionReason.LowQuality, faces),
            { Problem: not null } => (null, DecisionReason.BadImage, faces),
            { Primary: null } => (null, DecisionReason.NoFace, faces),
            { Primary: { } primary } when Options.Quality.Decision.Check(primary.Quality) is not null => (null, DecisionReason.LowQuality, faces),
            { Primary: { } primary } => (primary, default, faces),
        };
    }

    /// <summary>The decision's latency counts from the frame's arrival, so it includes the analysis done before the door.</summary>
    private static long Started(AnalysedFrame frame) =>
        Stopwatch.GetTimestamp() - (long)(Math.Max(0, frame.PipelineMs) * Stopwatch.Frequency / 1000);

    private async Task<DoorInfo> Save(string name, string zone, DoorMode mode, string action)
    {
        var checkedName = Names.Require(name, "A door");
        Ids.Require(zone, "Zone", "invalid_zone");
        if (!Enum.IsDefined(mode)) throw AccessGridException.Invalid("invalid_mode", "mode must be identify, verify or both.");
        state.State = new DoorState { Name = checkedName, Zone = zone, Mode = mode };
        await state.WriteStateAsync();
        var info = Info();
        await GrainFactory.GetGrain<IDirectoryGrain>(0).PutDoor(info);
        await AuditLog.Change(GrainFactory, action, Id, null, $"Door '{info.Name}' in zone '{zone}', mode {mode}.");
        return info;
    }

    private async Task<Decision> Decide(string action, long started, DecisionReason reason, string? staffId, string? name, float? distance, int faces)
    {
        var granted = reason is DecisionReason.Identified or DecisionReason.Verified;
        var decision = new Decision(
            Guid.NewGuid().ToString("N"), Id, granted ? DecisionOutcome.Granted : DecisionOutcome.Denied, reason,
            staffId, name, distance, faces, Stopwatch.GetElapsedTime(started).TotalMilliseconds, clock.GetUtcNow());
        // Persisted before the reader hears about it: a decision that is not in the audit log did not happen.
        await AuditLog.Of(GrainFactory).Append(new AuditEntry(decision.EventId, decision.Timestamp, AuditKind.Decision, action, Id, staffId,
            $"{decision.Outcome} ({reason})", decision with { Name = null })); // ids only: names are resolved when read
        GrainMetrics.Decided(action, decision);
        GrainFactory.GetGrain<IDecisionNotifierGrain>(0).Notify(decision).AsTask().Ignore();
        return decision;
    }

    private DoorInfo RequireDoor() => state.RecordExists ? Info() : throw AccessGridException.UnknownDoor(Id);

    private DoorInfo Info() => new(Id, state.State.Name, state.State.Zone, state.State.Mode);
}
