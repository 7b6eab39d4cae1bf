using static AccessGrid.Grains.Tests.Policy.SyntheticFaces;

namespace AccessGrid.Grains.Tests.Policy;

/// <summary>Each door liveness policy (off, passive, active) and the identity fused over a burst, through the door
/// grain on synthetic evidence: the liveness verdicts are what the edge would have measured. No ONNX models needed.</summary>
[Collection(PolicyClusterCollection.Name)]
public sealed class DoorLivenessPolicyTests(PolicyClusterFixture fixture)
{
    private static readonly LivenessSummary Live = new(LivenessOutcome.Live, 0.98f, false, 10);
    private static readonly LivenessSummary LiveWithBlink = Live with { Blink = true };
    private static readonly LivenessSummary Spoof = new(LivenessOutcome.Spoof, 0.02f, false, 10);
    private static readonly LivenessSummary Undecidable = new(LivenessOutcome.Undecidable, null, false, 0);

    [Fact]
    public async Task An_off_door_decides_on_identity_alone_and_reports_liveness_not_checked()
    {
        var (door, face) = await DoorWithPerson(LivenessPolicy.Off);

        var decision = await door.Access(Burst(face, Spoof));

        Assert.Equal(DecisionReason.Identified, decision.Reason);
        Assert.Equal(LivenessSummary.NotChecked, decision.Liveness);
    }

    [Fact]
    public async Task A_passive_door_grants_a_live_score_and_denies_a_spoof_an_undecidable_face_and_missing_evidence()
    {
        var (door, face) = await DoorWithPerson(LivenessPolicy.Passive);
        var staffId = (await door.Access(Burst(face, Live))).StaffId!;

        var live = await door.Access(Burst(face, Live, frames: 1));
        var spoof = await door.Access(Burst(face, Spoof));
        var undecidable = await door.Access(Burst(face, Undecidable));
        var unmeasured = await door.Access(Frame(face)); // a frame analysed without the liveness stage
        var spoofClaim = await door.Verify(Burst(face, Spoof), staffId);

        Assert.Equal((DecisionReason.Identified, LivenessOutcome.Live, 0.98f), (live.Reason, live.Liveness!.Verdict, live.Liveness.Score));
        Assert.Equal((DecisionReason.SpoofSuspected, LivenessOutcome.Spoof), (spoof.Reason, spoof.Liveness!.Verdict));
        Assert.Equal((DecisionReason.LivenessUnproven, LivenessOutcome.Undecidable), (undecidable.Reason, undecidable.Liveness!.Verdict));
        Assert.Equal((DecisionReason.LivenessUnproven, LivenessOutcome.Undecidable), (unmeasured.Reason, unmeasured.Liveness!.Verdict));
        Assert.Equal(DecisionReason.SpoofSuspected, spoofClaim.Reason);
        // A denied spoof names nobody: the door does not say whose photo it was.
        Assert.Null(spoof.StaffId);
    }

    [Fact]
    public async Task An_active_door_needs_a_burst_with_a_blink_on_top_of_a_live_score()
    {
        var (door, face) = await DoorWithPerson(LivenessPolicy.Active);

        var single = await door.Access(Burst(face, LiveWithBlink, frames: 1));
        var noBlink = await door.Access(Burst(face, Live));
        var blink = await door.Access(Burst(face, LiveWithBlink));
        var blinkingPrint = await door.Access(Burst(face, Spoof with { Blink = true }));

        Assert.Equal((DecisionReason.LivenessUnproven, LivenessOutcome.Undecidable), (single.Reason, single.Liveness!.Verdict));
        Assert.Equal((DecisionReason.LivenessUnproven, LivenessOutcome.Undecidable), (noBlink.Reason, noBlink.Liveness!.Verdict));
        Assert.Equal((DecisionReason.Identified, LivenessOutcome.Live, true), (blink.Reason, blink.Liveness!.Verdict, blink.Liveness.Blink));
        Assert.Equal(DecisionReason.SpoofSuspected, blinkingPrint.Reason);
    }

    [Fact]
    public async Task Frame_problems_come_before_liveness_and_a_burst_without_any_face_is_an_audited_no_face()
    {
        var (door, _) = await DoorWithPerson(LivenessPolicy.Passive);
        var empty = new AnalysedBurst([Problem(FrameProblem.NoFace), Problem(FrameProblem.NoFace)], [-1, -1], Undecidable);

        var decision = await door.Access(empty);

        Assert.Equal(DecisionReason.NoFace, decision.Reason);
        Assert.False(string.IsNullOrEmpty(decision.EventId));
        var blurry = Good with { Sharpness = 0.5f };
        Assert.Equal(DecisionReason.LowQuality, (await door.Access(Burst(NewPlane().At(0), Live, quality: blurry))).Reason);
    }

    [Fact]
    public async Task Identity_is_fused_over_the_tracked_faces_where_single_frames_are_too_far()
    {
        var door = await NewDoor(LivenessPolicy.Off);
        var plane = NewPlane();
        await Enrolled(plane.At(0), door);
        // Two frames each 0.5 away (beyond every 1:K threshold), on either side of the template: their mean is on it.
        var angle = AngleFor(0.5f);
        var left = Frame(plane.At(angle));
        var right = Frame(plane.At(-angle));

        Assert.Equal(DecisionReason.UnknownFace, (await door.Access(left)).Reason);
        Assert.Equal(DecisionReason.UnknownFace, (await door.Access(right)).Reason);
        var fused = await door.Access(new AnalysedBurst([left, right], [0, 0], Live));
        Assert.Equal(DecisionReason.Identified, fused.Reason);
        Assert.True(fused.Distance < 0.01f, $"fused distance {fused.Distance}");
    }

    [Fact]
    public async Task Only_the_tracked_face_counts_not_another_person_beside_it()
    {
        var door = await NewDoor(LivenessPolicy.Off);
        var known = NewPlane().At(0);
        await Enrolled(known, door);
        var stranger = NewPlane().At(0);
        var face = new AnalysedFace(new FaceRect(0, 0, 160, 160), known, Good);
        var other = new AnalysedFace(new FaceRect(400, 0, 160, 160), stranger, Good);
        var frame = new AnalysedFrame(null, null, 640, 480, [other, face], 1.0);

        var trackedKnown = await door.Access(new AnalysedBurst([frame, frame], [1, 1], Live));
        var trackedStranger = await door.Access(new AnalysedBurst([frame, frame], [0, 0], Live));

        Assert.Equal((DecisionReason.Identified, 2), (trackedKnown.Reason, trackedKnown.Faces));
        Assert.Equal(DecisionReason.UnknownFace, trackedStranger.Reason);
    }

    [Fact]
    public async Task The_policy_is_stored_kept_on_update_and_validated()
    {
        var door = fixture.Client.GetGrain<IDoorGrain>(ClusterFixture.NewId("door"));
        Assert.Equal(LivenessPolicy.Passive, (await door.Create("Default", "lobby", DoorMode.Both, null)).Liveness);
        Assert.Equal(LivenessPolicy.Passive, (await door.Update("Renamed", "lobby", null, null)).Liveness);
        Assert.Equal(LivenessPolicy.Active, (await door.Update("Renamed", "lobby", null, LivenessPolicy.Active)).Liveness);
        Assert.Equal(LivenessPolicy.Active, (await door.GetInfo())!.Liveness);
        var invalid = await Assert.ThrowsAsync<AccessGridException>(() => door.Update("Renamed", "lobby", null, (LivenessPolicy)9).AsTask());
        Assert.Equal("invalid_liveness", invalid.Reason);
    }

    /// <summary>A burst of <paramref name="frames"/> frames of one face, tracked in each, with this liveness evidence.</summary>
    private static AnalysedBurst Burst(float[] embedding, LivenessSummary liveness, int frames = 10, TemplateQuality? quality = null) =>
        new([.. Enumerable.Repeat(Frame(embedding, quality), frames)], [.. Enumerable.Repeat(0, frames)], liveness);

    private async Task<(IDoorGrain Door, float[] Face)> DoorWithPerson(LivenessPolicy policy)
    {
        var door = await NewDoor(policy);
        var face = NewPlane().At(0);
        await Enrolled(face, door);
        return (door, face);
    }

    private async Task<IDoorGrain> NewDoor(LivenessPolicy policy)
    {
        var door = fixture.Client.GetGrain<IDoorGrain>(ClusterFixture.NewId("door"));
        await door.Create("Liveness door", "lobby", DoorMode.Both, policy);
        return door;
    }

    private async Task Enrolled(float[] embedding, IDoorGrain grantedAt)
    {
        var staff = fixture.Client.GetGrain<IStaffGrain>(ClusterFixture.NewId("staff"));
        await staff.Create("Synthetic person");
        var result = await staff.Enroll(Frame(embedding));
        Assert.True(result.Accepted, $"{result.Rejection}: {result.Message}");
        await staff.SetGrant(GrantScope.Door, grantedAt.GetPrimaryKeyString(), GrantTerms.Always);
    }
}
