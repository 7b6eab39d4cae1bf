namespace AccessGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DecisionTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly Scenario _s = new(fixture.Client);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _s.EraseAll();

    [RealFacesFact]
    public async Task Identify_grants_an_enrolled_person_with_a_grant()
    {
        var door = await _s.NewDoor();
        var staff = await _s.EnrolledAndGranted(4, door);

        var decision = await door.Access(await _s.Frame(FacePictures.Get(4).Probe));

        Assert.Equal(DecisionOutcome.Granted, decision.Outcome);
        Assert.Equal(DecisionReason.Identified, decision.Reason);
        Assert.Equal(staff.GetPrimaryKeyString(), decision.StaffId);
        Assert.Equal("Person 4", decision.Name);
        Assert.Equal(1, decision.Faces);
        Assert.InRange(decision.Distance!.Value, 0f, 0.3f);
        Assert.Equal(door.GetPrimaryKeyString(), decision.DoorId);
    }

    [RealFacesFact]
    public async Task Identify_denies_a_face_nobody_enrolled_without_naming_the_nearest_person()
    {
        var door = await _s.NewDoor();
        await _s.EnrolledAndGranted(5, door);

        var decision = await door.Access(await _s.Frame(FacePictures.Get(6).Probe));

        Assert.Equal(DecisionReason.UnknownFace, decision.Reason);
        Assert.Equal(DecisionOutcome.Denied, decision.Outcome);
        Assert.Null(decision.StaffId);
    }

    [RealFacesFact]
    public async Task Frames_without_a_usable_face_are_denied_with_the_reason()
    {
        var door = await _s.NewDoor();
        Assert.Equal(DecisionReason.NoFace, (await door.Access(await _s.Frame(FacePictures.Blank()))).Reason);
        Assert.Equal(DecisionReason.BadImage, (await door.Access(await _s.Frame([0xFF, 0xD8, 0xFF, 0x00]))).Reason);
        Assert.Equal(DecisionReason.BadImage, (await door.Access(await _s.Frame([]))).Reason);
    }

    [RealFacesFact]
    public async Task Several_faces_decide_on_the_primary_one_and_count_them()
    {
        var door = await _s.NewDoor();
        var decision = await door.Access(await _s.Frame(FacePictures.Group()));
        Assert.Equal(3, decision.Faces);
    }

    [RealFacesFact]
    public async Task Verify_accepts_the_claimed_person_and_rejects_someone_else()
    {
        var door = await _s.NewDoor();
        var claimed = await _s.EnrolledAndGranted(7, door);
        await _s.EnrolledAndGranted(8, door);

        var genuine = await door.Verify(await _s.Frame(FacePictures.Get(7).Probe), claimed.GetPrimaryKeyString());
        var other = await door.Verify(await _s.Frame(FacePictures.Get(8).Probe), claimed.GetPrimaryKeyString());
        var stranger = await door.Verify(await _s.Frame(FacePictures.Get(9).Probe), claimed.GetPrimaryKeyString());

        Assert.Equal(DecisionReason.Verified, genuine.Reason);
        Assert.True(genuine.IsGranted);
        Assert.Equal(DecisionReason.NotClaimedPerson, other.Reason);
        Assert.Equal(DecisionReason.NotClaimedPerson, stranger.Reason);
        Assert.Equal(claimed.GetPrimaryKeyString(), other.StaffId);
    }

    [RealFacesFact]
    public async Task Verify_of_a_person_without_templates_is_not_enrolled_and_unknown_people_are_not_the_claimed_person()
    {
        var door = await _s.NewDoor();
        var bare = _s.Staff(ClusterFixture.NewId("bare"));
        await bare.Create("No face yet");

        Assert.Equal(DecisionReason.NotEnrolled, (await door.Verify(await _s.Frame(FacePictures.Get(0).Probe), bare.GetPrimaryKeyString())).Reason);
        var frame = await _s.Frame(FacePictures.Get(0).Probe);
        var unknown = await door.Verify(frame, "nobody-here");
        Assert.Equal((DecisionOutcome.Denied, DecisionReason.NotClaimedPerson), (unknown.Outcome, unknown.Reason));
        Assert.Null(unknown.Distance);
    }

    [Fact]
    public async Task An_unknown_door_is_a_typed_not_found()
    {
        var frame = new AnalysedFrame(FrameProblem.NoFace, null, 0, 0, [], 0);
        var ex = await Assert.ThrowsAsync<AccessGridException>(() => _s.Door(ClusterFixture.NewId("nodoor")).Access(frame).AsTask());
        Assert.Equal(AccessGridError.NotFound, ex.Kind);
        Assert.Equal("unknown_door", ex.Reason);
    }

    [RealFacesFact]
    public async Task Every_decision_is_in_the_audit_log_queryable_by_door_staff_and_time()
    {
        var door = await _s.NewDoor();
        var staff = await _s.EnrolledAndGranted(11, door);
        var before = DateTimeOffset.UtcNow;
        var first = await door.Access(await _s.Frame(FacePictures.Get(11).Probe));
        var second = await door.Access(await _s.Frame(FacePictures.Blank()));
        var audit = fixture.Client.GetGrain<IAuditLogGrain>(0);

        var byDoor = await audit.Query(new AuditQuery(DoorId: door.GetPrimaryKeyString(), Kind: AuditKind.Decision));
        Assert.Equal([second.EventId, first.EventId], byDoor.Select(e => e.EventId)); // newest first
        var byStaff = await audit.Query(new AuditQuery(StaffId: staff.GetPrimaryKeyString()));
        Assert.Contains(byStaff, e => e.EventId == first.EventId);
        Assert.Contains(byStaff, e => e.Action == "face.enrolled");
        Assert.Contains(byStaff, e => e.Action == "grant.set");
        Assert.Empty(await audit.Query(new AuditQuery(DoorId: door.GetPrimaryKeyString(), Kind: AuditKind.Decision, To: before)));
        Assert.Single(await audit.Query(new AuditQuery(DoorId: door.GetPrimaryKeyString(), Kind: AuditKind.Decision, Limit: 1)));
        await Assert.ThrowsAsync<AccessGridException>(() => audit.Query(new AuditQuery(Limit: 0)).AsTask());
    }
}
