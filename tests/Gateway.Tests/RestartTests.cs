using System.Net;
using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;

namespace AccessGrid.Gateway.Tests;

/// <summary>Everything lives in Azure Storage: a new silo on the same storage has the doors, people, faces, grants,
/// keys and audit log of the old one.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RestartTests(GatewayFixture fixture)
{
    [Fact]
    public async Task State_survives_a_silo_restart()
    {
        var (door, staff) = (TestIds.New("door"), TestIds.New("survivor"));
        await fixture.Admin.CreateDoor(door, zone: "vault", mode: "identify");
        await fixture.Admin.CreateStaff(staff, "Survivor");
        try
        {
            await (await fixture.Admin.PostImage($"/api/staff/{staff}/faces", TestImages.Sample(2))).ShouldBe(HttpStatusCode.Created);
            await fixture.Admin.Grant(staff, door);
            var readerKey = await fixture.Admin.CreateKey("reader", door);
            var frame = TestImages.Rescaled(TestImages.Sample(2), 0.5f);
            var before = await fixture.Admin.Access(door, frame);
            Assert.Equal(DecisionOutcome.Granted, before.Outcome);
            var adminKey = fixture.Host.AdminKey;

            await fixture.RestartAsync();

            Assert.Equal(adminKey, fixture.Host.AdminKey);
            Assert.Equal(new DoorInfo(door, $"Door {door}", "vault", DoorMode.Identify, LivenessPolicy.Off),
                await (await fixture.Admin.GetAsync($"/api/doors/{door}")).Read<DoorInfo>());
            var profile = await (await fixture.Admin.GetAsync($"/api/staff/{staff}")).Read<StaffProfile>();
            Assert.Equal("Survivor", profile.Name);
            Assert.Single(profile.Templates);
            Assert.Single(profile.Grants, g => g.Target == door);

            using var reader = fixture.Client(readerKey);
            var after = await reader.Access(door, frame);
            Assert.Equal((DecisionOutcome.Granted, staff), (after.Outcome, after.StaffId));

            var log = await (await fixture.Admin.GetAsync($"/api/events?doorId={door}&kind=decision")).Read<AuditEntry[]>();
            Assert.Equal([after.EventId, before.EventId], log.Select(e => e.EventId));
            Assert.Equal(before.Distance!.Value, log[0].Decision!.Distance!.Value, 0.001f); // readers see no distance; the audit does
        }
        finally
        {
            await fixture.Admin.Erase(staff);
        }
    }
}
