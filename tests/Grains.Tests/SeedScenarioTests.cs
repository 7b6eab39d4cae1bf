using AccessGrid.TestSupport;

namespace AccessGrid.Grains.Tests;

/// <summary>The seed office (../shared/datasets/seed/EXPECTED.md) at the grain level: eleven people enrolled from one
/// picture each, all granted the front door, and the four published outcomes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SeedScenarioTests(ClusterFixture fixture) : IAsyncLifetime
{
    private static readonly string[] Enrolled =
        ["danielle", "younes", "tian", "kian", "dan", "sebastiano", "bertrand", "kevin", "felix", "benoit", "arnaud"];

    private readonly Scenario _s = new(fixture.Client);
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _s.EraseAll();

    private static byte[] Picture(string name) =>
        File.ReadAllBytes(RepoPaths.Shared("datasets", "seed", name == "danielle" ? "danielle.png" : $"{name}.jpg"));

    private string StaffId(string name) => $"{name}-{_suffix}";

    [SeedFact]
    public async Task The_seed_office_gets_the_four_published_outcomes()
    {
        var door = await _s.NewDoor(zone: "office");
        foreach (var name in Enrolled)
        {
            var staff = _s.Staff(StaffId(name));
            await staff.Create(name);
            var result = await staff.Enroll(await _s.Frame(Picture(name)));
            Assert.True(result.Accepted, $"{name}: {result.Rejection} {result.Message}");
            await staff.SetGrant(GrantScope.Door, door.GetPrimaryKeyString(), GrantTerms.Always);
        }

        var verifyYounes = await door.Verify(await _s.Frame(Picture("camera_0")), StaffId("younes"));
        var verifyImpostor = await door.Verify(await _s.Frame(Picture("camera_2")), StaffId("younes"));
        var whoIsCamera0 = await door.Access(await _s.Frame(Picture("camera_0")));
        var whoIsCamera3 = await door.Access(await _s.Frame(Picture("camera_3")));
        var andrew = await door.Access(await _s.Frame(Picture("andrew")));

        Assert.Equal(DecisionOutcome.Granted, verifyYounes.Outcome);
        Assert.Equal(DecisionOutcome.Denied, verifyImpostor.Outcome);
        Assert.Equal(DecisionReason.NotClaimedPerson, verifyImpostor.Reason);
        Assert.Equal(StaffId("younes"), whoIsCamera0.StaffId);
        Assert.True(whoIsCamera0.IsGranted);
        Assert.Equal(StaffId("bertrand"), whoIsCamera3.StaffId);
        Assert.True(whoIsCamera3.IsGranted);
        Assert.Equal(DecisionReason.UnknownFace, andrew.Reason); // not enrolled: must not pass as his nearest colleague
    }
}
