using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>A door and its decision flow. Reentrant: a decision is mostly waiting on the encoder and the index,
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

    public async ValueTask<DoorInfo> Configure(string name, string zone, DoorMode mode)
    {
        Ids.Require(Id, "Door id");
        Ids.Require(zone, "Zone");
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
            throw new AccessGridException(AccessGridError.Invalid, "A door name is required (at most 200 characters).");
        if (!Enum.IsDefined(mode)) throw new AccessGridException(AccessGridError.Invalid, $"Unknown door mode {mode}.");
        var created = !state.RecordExists;
        state.State = new DoorState { Name = name.Trim(), Zone = zone, Mode = mode };
        await state.WriteStateAsync();
        var info = Info();
        await GrainFactory.GetGrain<IDirectoryGrain>(0).PutDoor(info);
        await AuditLog.Change(GrainFactory, created ? "door.created" : "door.updated", Id, null, $"Door '{info.Name}' in zone '{zone}', mode {mode}.");
        return info;
    }

    public ValueTask<DoorInfo?> GetInfo() => ValueTask.FromResult(state.RecordExists ? Info() : null);

    public async ValueTask<bool> Remove()
    {
        if (!state.RecordExists) return false;
        await state.ClearStateAsync();
        state.State = new DoorState();
        await GrainFactory.GetGrain<IDirectoryGrain>(0).RemoveDoor(Id);
        await AuditLog.Change(GrainFactory, "door.removed", Id, null, "Door removed.");
        return true;
    }

    public async ValueTask<Decision> Access(byte[] image)
    {
        var started = Stopwatch.GetTimestamp();
        var door = RequireDoor();
        if (door.Mode == DoorMode.Verify) return await Decide("access", started, DecisionReason.ModeNotAllowed, null, null, null, 0);
        var (face, problem, faces) = await Encode(image);
        if (face is null) return await Decide("access", started, problem, null, null, null, faces);

        var search = await Index.Search(face.Embedding, Candidates);
        var ranked = search.BestPerPerson();
        var threshold = Options.Thresholds.IdentifyThreshold(search.Identities);
        if (ranked.Count == 0 || ranked[0].Distance > threshold)
            return await Decide("access", started, DecisionReason.UnknownFace, null, null, ranked.FirstOrDefault()?.Distance, faces);
        var best = ranked[0];
        // Rank-1 must stand clear of the runner-up identity: two people about equally close means we do not know who it is.
        if (ranked.Count > 1 && ranked[1].Distance - best.Distance < Options.Thresholds.IdentifyMargin)
            return await Decide("access", started, DecisionReason.UnknownFace, null, null, best.Distance, faces);

        var auth = await GrainFactory.GetGrain<IStaffGrain>(best.StaffId).Authorize(Id, door.Zone, clock.GetUtcNow());
        return await Decide("access", started, auth.Reason ?? DecisionReason.Identified, best.StaffId, auth.Name, best.Distance, faces);
    }

    public async ValueTask<Decision> Verify(byte[] image, string staffId)
    {
        var started = Stopwatch.GetTimestamp();
        var door = RequireDoor();
        var staff = GrainFactory.GetGrain<IStaffGrain>(Ids.Require(staffId, "Staff id"));
        if (await staff.GetProfile() is null) throw AccessGridException.StaffNotFound(staffId);
        if (door.Mode == DoorMode.Identify) return await Decide("verify", started, DecisionReason.ModeNotAllowed, staffId, null, null, 0);
        var templates = await staff.GetTemplates();
        if (templates.Length == 0) return await Decide("verify", started, DecisionReason.NotEnrolled, staffId, null, null, 0);
        var (face, problem, faces) = await Encode(image);
        if (face is null) return await Decide("verify", started, problem, staffId, null, null, faces);

        var claimed = templates.Min(t => Distances.Euclidean(face.Embedding, t.Embedding));
        var thresholds = Options.Thresholds;
        if (claimed > thresholds.VerifyMaxDistance)
            return await Decide("verify", started, DecisionReason.NotClaimedPerson, staffId, null, claimed, faces);
        // Near the claim is not enough when someone else is plainly nearer: that face is theirs.
        var others = (await Index.Search(face.Embedding, Candidates)).BestPerPerson().Where(h => h.StaffId != staffId);
        if (others.FirstOrDefault() is { } other && other.Distance + thresholds.VerifyMargin < claimed)
            return await Decide("verify", started, DecisionReason.NotClaimedPerson, staffId, null, claimed, faces);

        var auth = await staff.Authorize(Id, door.Zone, clock.GetUtcNow());
        return await Decide("verify", started, auth.Reason ?? DecisionReason.Verified, staffId, auth.Name, claimed, faces);
    }

    /// <summary>The primary face if it is good enough to decide on, else the reason to deny; and how many faces there were.</summary>
    private async Task<(EncodedFace? Face, DecisionReason Problem, int Faces)> Encode(byte[] image)
    {
        if (image.Length > Options.MaxImageBytes) return (null, DecisionReason.BadImage, 0);
        var frame = await GrainFactory.GetGrain<IEncoderGrain>(0).Encode(image);
        var faces = frame.Faces.Length;
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

    private async Task<Decision> Decide(string action, long started, DecisionReason reason, string? staffId, string? name, float? distance, int faces)
    {
        var granted = reason is DecisionReason.Identified or DecisionReason.Verified;
        var decision = new Decision(
            Guid.NewGuid().ToString("N"), Id, granted ? DecisionOutcome.Granted : DecisionOutcome.Denied, reason,
            staffId, name, distance, faces, Stopwatch.GetElapsedTime(started).TotalMilliseconds, clock.GetUtcNow());
        // Persisted before the reader hears about it: a decision that is not in the audit log did not happen.
        await AuditLog.Of(GrainFactory).Append(new AuditEntry(decision.EventId, decision.Timestamp, AuditKind.Decision, action, Id, staffId,
            $"{decision.Outcome} ({reason})", decision));
        GrainMetrics.Decided(action, decision);
        GrainFactory.GetGrain<IDecisionNotifierGrain>(0).Notify(decision).AsTask().Ignore();
        return decision;
    }

    private DoorInfo RequireDoor() => state.RecordExists ? Info() : throw AccessGridException.DoorNotFound(Id);

    private DoorInfo Info() => new(Id, state.State.Name, state.State.Zone, state.State.Mode);
}
