using System.Net;
using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;

namespace AccessGrid.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class StaffApiTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_person_is_created_read_renamed_suspended_and_erased()
    {
        var id = TestIds.New("staff");
        var created = await fixture.Admin.PostJson("/api/staff", new { id, name = "Younes" });
        Assert.Equal($"/api/staff/{id}", created.Headers.Location?.OriginalString);
        var profile = await created.Read<StaffProfile>(HttpStatusCode.Created);
        Assert.Equal((id, "Younes", StaffStatus.Active), (profile.Id, profile.Name, profile.Status));
        Assert.Empty(profile.Templates);

        Assert.Equal("Younes", (await (await fixture.Admin.GetAsync($"/api/staff/{id}")).Read<StaffProfile>()).Name);
        var renamed = await (await fixture.Admin.PatchAsync($"/api/staff/{id}", JsonContent(new { name = "Younes B." }))).Read<StaffProfile>();
        Assert.Equal("Younes B.", renamed.Name);
        var suspended = await (await fixture.Admin.PatchAsync($"/api/staff/{id}", JsonContent(new { status = "suspended" }))).Read<StaffProfile>();
        Assert.Equal((StaffStatus.Suspended, "Younes B."), (suspended.Status, suspended.Name));

        await (await fixture.Admin.DeleteAsync($"/api/staff/{id}")).ShouldBe(HttpStatusCode.NoContent);
        await (await fixture.Admin.GetAsync($"/api/staff/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_staff");
        await (await fixture.Admin.DeleteAsync($"/api/staff/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_staff");
    }

    [Fact]
    public async Task People_are_listed_and_searched_a_page_at_a_time_with_a_total_and_a_cursor()
    {
        // One prefix for this test's people, so other tests' people never land in its pages.
        var prefix = TestIds.New("dir");
        var ids = Enumerable.Range(0, 5).Select(i => $"{prefix}-{i}").ToArray();
        string[] names = ["Zoë Ångström", "Zoe Smith", "Jean-Luc Picard", "Beverly Crusher", "ZOLTAN Kodály"];
        foreach (var (id, name) in ids.Zip(names)) await fixture.Admin.CreateStaff(id, name);

        var byId = await (await fixture.Admin.GetAsync($"/api/staff?q={prefix.ToUpperInvariant()}&limit=2")).Read<StaffPage>();
        Assert.Equal(5, byId.Total);
        Assert.Equal(ids[..2], byId.Items.Select(p => p.Id));
        Assert.Equal(ids[1], byId.Next);
        var second = await (await fixture.Admin.GetAsync($"/api/staff?q={prefix}&limit=2&cursor={byId.Next}")).Read<StaffPage>();
        Assert.Equal(ids[2..4], second.Items.Select(p => p.Id));
        var last = await (await fixture.Admin.GetAsync($"/api/staff?q={prefix}&limit=2&cursor={second.Next}")).Read<StaffPage>();
        Assert.Equal([ids[4]], last.Items.Select(p => p.Id));
        Assert.Null(last.Next);
        var skipped = await (await fixture.Admin.GetAsync($"/api/staff?q={prefix}&limit=2&offset=3")).Read<StaffPage>();
        Assert.Equal(ids[3..5], skipped.Items.Select(p => p.Id));

        // Name words, any order, case and accents ignored; this test's people are the only ones with these names' words.
        var zoe = await (await fixture.Admin.GetAsync($"/api/staff?q={Uri.EscapeDataString("zoe angst")}")).Read<StaffPage>();
        Assert.Contains(zoe.Items, p => p.Id == ids[0]);
        Assert.DoesNotContain(zoe.Items, p => p.Id == ids[1]);
        var picard = await (await fixture.Admin.GetAsync("/api/staff?q=picard%20JEAN")).Read<StaffPage>();
        Assert.Contains(picard.Items, p => p.Id == ids[2]);
        var kodaly = await (await fixture.Admin.GetAsync($"/api/staff?q={Uri.EscapeDataString("kodá")}")).Read<StaffPage>();
        Assert.Contains(kodaly.Items, p => p.Id == ids[4]);

        // A rename is searchable at once; an erased person is gone from the directory.
        await fixture.Admin.PatchAsync($"/api/staff/{ids[3]}", JsonContent(new { name = "Wesley Crusher" }));
        Assert.Contains((await (await fixture.Admin.GetAsync("/api/staff?q=wesley%20crush")).Read<StaffPage>()).Items, p => p.Id == ids[3]);
        Assert.DoesNotContain((await (await fixture.Admin.GetAsync("/api/staff?q=beverly%20crush")).Read<StaffPage>()).Items, p => p.Id == ids[3]);
        await fixture.Admin.Erase(ids[0]);
        Assert.Equal(4, (await (await fixture.Admin.GetAsync($"/api/staff?q={prefix}")).Read<StaffPage>()).Total);

        await (await fixture.Admin.GetAsync("/api/staff?limit=0")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_query");
        await (await fixture.Admin.GetAsync("/api/staff?limit=1001")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_query");
        await (await fixture.Admin.GetAsync("/api/staff?offset=-1")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_query");
        await (await fixture.Admin.GetAsync("/api/staff?offset=10001")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_query");
        await (await fixture.Admin.GetAsync("/api/staff?cursor=not%20an%20id")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_query");
        await (await fixture.Admin.GetAsync($"/api/staff?q={new string('a', 201)}")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_query");
        await (await fixture.Admin.GetAsync("/api/staff?limit=many")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_query");
        await fixture.Admin.Erase(ids[1..]);
    }

    [Fact]
    public async Task A_taken_id_is_409_and_bad_bodies_are_400()
    {
        var id = TestIds.New("staff");
        await fixture.Admin.CreateStaff(id, "First");
        await (await fixture.Admin.PostJson("/api/staff", new { id, name = "Second" })).ShouldBeProblem(HttpStatusCode.Conflict, "staff_exists");
        Assert.Equal("First", (await (await fixture.Admin.GetAsync($"/api/staff/{id}")).Read<StaffProfile>()).Name);

        await (await fixture.Admin.PostJson("/api/staff", new { id = "bad id!", name = "x" })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_id");
        await (await fixture.Admin.PostJson("/api/staff", new { id = TestIds.New("s") })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_name");
        await (await fixture.Admin.PostRaw("/api/staff", "{\"id\": 42, \"name\": \"x\"}", "application/json"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        await (await fixture.Admin.PatchAsync($"/api/staff/{id}", JsonContent(new { status = "retired" })))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        await fixture.Admin.Erase(id);
    }

    [Fact]
    public async Task Grants_are_set_with_terms_revoked_and_checked_for_unknown_doors_and_people()
    {
        var (staff, door) = (TestIds.New("granted"), TestIds.New("door"));
        await fixture.Admin.CreateStaff(staff);
        await fixture.Admin.CreateDoor(door, zone: "lab");

        var terms = new
        {
            schedule = new { days = new[] { "Monday", "Tuesday" }, windows = new[] { new { start = "08:00:00", end = "18:00:00" } }, timeZone = "Europe/Paris" },
            validFrom = "2026-01-01T00:00:00Z",
            validUntil = "2030-01-01T00:00:00Z",
            maxUses = 3,
        };
        await (await fixture.Admin.PutJson($"/api/staff/{staff}/grants/{door}", terms)).ShouldBe(HttpStatusCode.NoContent);
        await (await fixture.Admin.PutAsync($"/api/staff/{staff}/zones/lab", null)).ShouldBe(HttpStatusCode.NoContent);

        var profile = await (await fixture.Admin.GetAsync($"/api/staff/{staff}")).Read<StaffProfile>();
        var grant = Assert.Single(profile.Grants, g => g.Scope == GrantScope.Door);
        Assert.Equal((door, 3, "Europe/Paris"), (grant.Target, grant.Terms.MaxUses, grant.Terms.Schedule?.TimeZone));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday], grant.Terms.Schedule!.Days);
        Assert.Equal(new TimeOnly(8, 0), grant.Terms.Schedule.Windows[0].Start);
        Assert.Contains(profile.Grants, g => g is { Scope: GrantScope.Zone, Target: "lab" });

        await (await fixture.Admin.DeleteAsync($"/api/staff/{staff}/grants/{door}")).ShouldBe(HttpStatusCode.NoContent);
        await (await fixture.Admin.DeleteAsync($"/api/staff/{staff}/zones/lab")).ShouldBe(HttpStatusCode.NoContent);
        Assert.Empty((await (await fixture.Admin.GetAsync($"/api/staff/{staff}")).Read<StaffProfile>()).Grants);

        await (await fixture.Admin.PutAsync($"/api/staff/{staff}/grants/{TestIds.New("nowhere")}", null)).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_door");
        await (await fixture.Admin.PutAsync($"/api/staff/{TestIds.New("nobody")}/grants/{door}", null)).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_staff");
        await (await fixture.Admin.DeleteAsync($"/api/staff/{TestIds.New("nobody")}/grants/{door}")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_staff");
        await (await fixture.Admin.PutJson($"/api/staff/{staff}/grants/{door}", new { maxUses = 0 })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_grant");
        await (await fixture.Admin.PutJson($"/api/staff/{staff}/grants/{door}", new { validFrom = "2030-01-01T00:00:00Z", validUntil = "2026-01-01T00:00:00Z" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_grant");
        await (await fixture.Admin.PutJson($"/api/staff/{staff}/grants/{door}", new { schedule = new { days = Array.Empty<string>(), windows = Array.Empty<object>(), timeZone = "Mars/Olympus" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_grant");
        await (await fixture.Admin.PutJson($"/api/staff/{staff}/grants/{door}", new { validFrom = "yesterday" })).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        Assert.Empty((await (await fixture.Admin.GetAsync($"/api/staff/{staff}")).Read<StaffProfile>()).Grants);
        await fixture.Admin.Erase(staff);
    }

    [Fact]
    public async Task Changes_are_in_the_audit_log_newest_first()
    {
        var staff = TestIds.New("audited");
        var door = TestIds.New("door");
        await fixture.Admin.CreateDoor(door);
        await fixture.Admin.CreateStaff(staff);
        await fixture.Admin.Grant(staff, door);

        var entries = await (await fixture.Admin.GetAsync($"/api/events?staffId={staff}")).Read<AuditEntry[]>();
        Assert.True(entries.Length >= 2, $"expected the creation and the grant, got {entries.Length}");
        Assert.All(entries, e => Assert.Equal(staff, e.StaffId));
        Assert.All(entries, e => Assert.Equal(AuditKind.Change, e.Kind));
        Assert.Equal(entries.OrderByDescending(e => e.Timestamp).Select(e => e.EventId), entries.Select(e => e.EventId));
        await fixture.Admin.Erase(staff);
    }

    private static HttpContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body, options: Api.Json);
}
