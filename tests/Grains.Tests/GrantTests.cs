namespace AccessGrid.Grains.Tests;

/// <summary>Staff status and grants as the door sees them, with real faces through the whole decision flow.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GrantTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly Scenario _s = new(fixture.Client);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _s.EraseAll();

    [RealFacesFact]
    public async Task A_revoked_grant_denies_the_very_next_frame()
    {
        var door = await _s.NewDoor();
        var staff = await _s.EnrolledAndGranted(0, door);
        var frame = FacePictures.Get(0).Probe;
        Assert.Equal(DecisionReason.Identified, (await door.Access(await _s.Frame(frame))).Reason);

        Assert.True(await staff.RevokeGrant(GrantScope.Door, door.GetPrimaryKeyString()));

        var next = await door.Access(await _s.Frame(frame));
        Assert.Equal(DecisionReason.NoGrant, next.Reason);
        Assert.Equal(staff.GetPrimaryKeyString(), next.StaffId);
    }

    [RealFacesFact]
    public async Task Suspension_denies_and_reactivation_restores()
    {
        var door = await _s.NewDoor();
        var staff = await _s.EnrolledAndGranted(1, door);
        var frame = FacePictures.Get(1).Probe;

        await staff.SetStatus(StaffStatus.Suspended);
        Assert.Equal(DecisionReason.Suspended, (await door.Access(await _s.Frame(frame))).Reason);
        Assert.Equal(DecisionReason.Suspended, (await door.Verify(await _s.Frame(frame), staff.GetPrimaryKeyString())).Reason);

        await staff.SetStatus(StaffStatus.Active);
        Assert.Equal(DecisionReason.Identified, (await door.Access(await _s.Frame(frame))).Reason);
    }

    [Fact]
    public async Task Grant_terms_are_validated_and_doors_must_exist()
    {
        var door = await _s.NewDoor();
        var staff = _s.Staff(ClusterFixture.NewId("terms"));
        await staff.Create("Terms");
        var id = door.GetPrimaryKeyString();
        var now = DateTimeOffset.UtcNow;

        async Task<AccessGridError> Fails(GrantScope scope, string target, GrantTerms terms) =>
            (await Assert.ThrowsAsync<AccessGridException>(() => staff.SetGrant(scope, target, terms).AsTask())).Kind;

        Assert.Equal(AccessGridError.Invalid, await Fails(GrantScope.Door, id, new GrantTerms(ValidFrom: now, ValidUntil: now)));
        Assert.Equal(AccessGridError.Invalid, await Fails(GrantScope.Door, id, new GrantTerms(MaxUses: 0)));
        Assert.Equal(AccessGridError.Invalid, await Fails(GrantScope.Door, id, new GrantTerms(new WeeklySchedule([], [], "Mars/Olympus_Mons"))));
        Assert.Equal(AccessGridError.NotFound, await Fails(GrantScope.Door, "no-such-door", GrantTerms.Always));
        Assert.Empty((await staff.GetProfile())!.Grants);
    }
}
