using System.Net;
using AccessGrid.Gateway.Tests.Infrastructure;

namespace AccessGrid.Gateway.Tests;

/// <summary>Bodies are read strictly: an unknown field or an enum value out of range is a 400 that names the field,
/// never silently ignored or stored; and an id with a trailing newline is a 400, not a 500.</summary>
[Collection(GatewayCollection.Name)]
public sealed class StrictJsonTests(GatewayFixture fixture)
{
    [Fact]
    public async Task An_unknown_field_is_refused_by_name_and_changes_nothing()
    {
        var id = TestIds.New("strict");
        await fixture.Admin.CreateStaff(id, "Strict");

        var problem = await (await fixture.Admin.PatchAsync($"/api/staff/{id}", Json("{\"suspended\":true}")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "unknown_field");
        Assert.Contains("'suspended'", problem.Detail);
        await (await fixture.Admin.PostRaw("/api/doors", "{\"id\":\"d1\",\"name\":\"x\",\"zone\":\"z\",\"colour\":\"red\"}", "application/json"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "unknown_field");
        Assert.Equal("active", (await (await fixture.Admin.GetAsync($"/api/staff/{id}")).Content.ReadAsStringAsync()).Split("\"status\":\"")[1].Split('"')[0]);
        await fixture.Admin.Erase(id);
    }

    [Fact]
    public async Task Enum_numbers_and_unknown_names_are_refused_with_the_allowed_values()
    {
        var id = TestIds.New("strict");
        var door = TestIds.New("door");
        await fixture.Admin.CreateStaff(id, "Strict");
        await fixture.Admin.CreateDoor(door);

        var status = await (await fixture.Admin.PatchAsync($"/api/staff/{id}", Json("{\"status\":7}")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        Assert.Contains("status", status.Detail);
        Assert.Contains("active, suspended", status.Detail);
        Assert.DoesNotContain("AccessGrid", status.Detail);

        var days = await (await fixture.Admin.PutJson($"/api/staff/{id}/grants/{door}", new { schedule = new { days = new[] { 99 }, windows = Array.Empty<object>() } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        Assert.Contains("schedule.days[0]", days.Detail);
        Assert.Contains("Monday", days.Detail);
        Assert.DoesNotContain("System.", days.Detail);

        var mode = await (await fixture.Admin.PostRaw("/api/doors", "{\"id\":\"d2\",\"name\":\"x\",\"zone\":\"z\",\"mode\":9}", "application/json"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        Assert.Contains("identify, verify, both", mode.Detail);

        // The number of a defined value is fine (the dashboard sends week days as 0–6); answers carry names.
        await (await fixture.Admin.PutJson($"/api/staff/{id}/grants/{door}", new { schedule = new { days = new[] { 1 }, windows = Array.Empty<object>() } }))
            .ShouldBe(HttpStatusCode.NoContent);
        Assert.Contains("\"Monday\"", await (await fixture.Admin.GetAsync($"/api/staff/{id}")).Content.ReadAsStringAsync());
        await fixture.Admin.Erase(id);
    }

    [Theory]
    [InlineData("x\n")]
    [InlineData("x\r\n")]
    public async Task An_id_with_a_trailing_newline_is_400_invalid_id(string badId)
    {
        await (await fixture.Admin.PostJson("/api/staff", new { id = badId, name = "X" })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_id");
        await (await fixture.Admin.PostJson("/api/doors", new { id = badId, name = "X", zone = "lobby" })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_id");
        await (await fixture.Admin.PostJson("/api/doors", new { id = TestIds.New("door"), name = "X", zone = badId })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_zone");
        await (await fixture.Admin.GetAsync($"/api/staff/{Uri.EscapeDataString(badId)}")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_id");
    }

    [Fact]
    public async Task An_empty_audit_range_is_refused_by_the_one_rule_from_before_to()
    {
        const string at = "2026-01-01T00:00:00Z";
        await (await fixture.Admin.GetAsync($"/api/events?from={at}&to={at}")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_query");
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
