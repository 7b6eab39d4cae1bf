using System.Net;
using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;

namespace AccessGrid.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class DoorsApiTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_doors_liveness_policy_defaults_to_passive_is_listed_kept_and_changed()
    {
        var id = TestIds.New("liveness");
        var created = await (await fixture.Admin.PostJson("/api/doors", new { id, name = "Lab", zone = "lab", liveness = "active" })).Read<DoorInfo>(HttpStatusCode.Created);
        Assert.Equal(LivenessPolicy.Active, created.Liveness);
        Assert.Contains(await (await fixture.Admin.GetAsync("/api/doors")).Read<DoorInfo[]>(), d => d.Id == id && d.Liveness == LivenessPolicy.Active);

        // A PUT without liveness keeps it; with it, changes it.
        var renamed = await (await fixture.Admin.PutJson($"/api/doors/{id}", new { name = "Lab 2", zone = "lab" })).Read<DoorInfo>();
        Assert.Equal(LivenessPolicy.Active, renamed.Liveness);
        var off = await (await fixture.Admin.PutJson($"/api/doors/{id}", new { name = "Lab 2", zone = "lab", liveness = "off" })).Read<DoorInfo>();
        Assert.Equal(LivenessPolicy.Off, off.Liveness);
        Assert.Equal(LivenessPolicy.Off, (await (await fixture.Admin.GetAsync($"/api/doors/{id}")).Read<DoorInfo>()).Liveness);

        var unknownValue = await fixture.Admin.PostJson("/api/doors", new { id = TestIds.New("liveness"), name = "x", zone = "lab", liveness = "strict" });
        var problem = await unknownValue.ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        Assert.Contains("passive", problem.Detail);
    }

    [Fact]
    public async Task A_door_is_created_listed_read_updated_and_removed()
    {
        var id = TestIds.New("door");
        var created = await fixture.Admin.PostJson("/api/doors", new { id, name = "Front door", zone = "lobby", mode = "both" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/doors/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(new DoorInfo(id, "Front door", "lobby", DoorMode.Both, LivenessPolicy.Passive), await created.Read<DoorInfo>(HttpStatusCode.Created));

        Assert.Contains(await (await fixture.Admin.GetAsync("/api/doors")).Read<DoorInfo[]>(), d => d.Id == id);
        Assert.Equal("lobby", (await (await fixture.Admin.GetAsync($"/api/doors/{id}")).Read<DoorInfo>()).Zone);

        var updated = await (await fixture.Admin.PutJson($"/api/doors/{id}", new { name = "Front", zone = "hall", mode = "verify" })).Read<DoorInfo>();
        Assert.Equal(new DoorInfo(id, "Front", "hall", DoorMode.Verify, LivenessPolicy.Passive), updated);

        await (await fixture.Admin.DeleteAsync($"/api/doors/{id}")).ShouldBe(HttpStatusCode.NoContent);
        await (await fixture.Admin.GetAsync($"/api/doors/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_door");
        Assert.DoesNotContain(await (await fixture.Admin.GetAsync("/api/doors")).Read<DoorInfo[]>(), d => d.Id == id);
    }

    [Fact]
    public async Task The_mode_defaults_to_both()
    {
        var id = TestIds.New("door");
        var door = await (await fixture.Admin.PostJson("/api/doors", new { id, name = "Side", zone = "lobby" })).Read<DoorInfo>(HttpStatusCode.Created);
        Assert.Equal(DoorMode.Both, door.Mode);
    }

    [Fact]
    public async Task A_duplicate_door_is_409_and_leaves_the_first_unchanged()
    {
        var id = TestIds.New("door");
        await fixture.Admin.CreateDoor(id, zone: "lobby");
        await (await fixture.Admin.PostJson("/api/doors", new { id, name = "Other", zone = "vault" })).ShouldBeProblem(HttpStatusCode.Conflict, "door_exists");
        Assert.Equal("lobby", (await (await fixture.Admin.GetAsync($"/api/doors/{id}")).Read<DoorInfo>()).Zone);
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"zone\":\"lobby\"}", "invalid_id")]
    [InlineData("{\"id\":\"has space\",\"name\":\"x\",\"zone\":\"lobby\"}", "invalid_id")]
    [InlineData("{\"id\":\"a/b\",\"name\":\"x\",\"zone\":\"lobby\"}", "invalid_id")]
    [InlineData("{\"id\":\"ok-id\",\"name\":\"  \",\"zone\":\"lobby\"}", "invalid_name")]
    [InlineData("{\"id\":\"ok-id\",\"name\":\"x\"}", "invalid_zone")]
    [InlineData("{\"id\":\"ok-id\",\"name\":\"x\",\"zone\":\"lobby\",\"mode\":\"sometimes\"}", "malformed_json")]
    [InlineData("{\"id\":\"ok-id\",", "malformed_json")]
    [InlineData("[1,2,3]", "malformed_json")]
    public async Task Invalid_door_bodies_are_400_with_a_reason(string body, string reason)
    {
        var response = await fixture.Admin.PostRaw("/api/doors", body, "application/json");
        await response.ShouldBeProblem(HttpStatusCode.BadRequest, reason);
    }

    [Fact]
    public async Task A_door_body_that_is_not_json_is_415()
    {
        var response = await fixture.Admin.PostRaw("/api/doors", "id=front", "application/x-www-form-urlencoded");
        await response.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Unknown_doors_are_404_everywhere()
    {
        var id = TestIds.New("ghost");
        await (await fixture.Admin.GetAsync($"/api/doors/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_door");
        await (await fixture.Admin.PutJson($"/api/doors/{id}", new { name = "x", zone = "lobby" })).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_door");
        await (await fixture.Admin.DeleteAsync($"/api/doors/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_door");
        await (await fixture.Admin.PostImage($"/api/doors/{id}/access", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0]))
            .ShouldBeProblem(HttpStatusCode.NotFound, "unknown_door");
    }
}
