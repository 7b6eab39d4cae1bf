using System.Net;
using System.Text.Json;
using AccessGrid.Gateway.Tests.Infrastructure;

namespace AccessGrid.Gateway.Tests;

/// <summary>X-Api-Key and roles: admin, hr, guard (read-only), reader (one door).</summary>
[Collection(GatewayCollection.Name)]
public sealed class AuthTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_request_without_a_key_is_401_missing_api_key()
    {
        using var anonymous = fixture.Client(null);
        var response = await anonymous.GetAsync("/api/doors");
        await response.ShouldBeProblem(HttpStatusCode.Unauthorized, "missing_api_key");
    }

    [Fact]
    public async Task An_unknown_key_is_401_invalid_api_key()
    {
        using var stranger = fixture.Client("agk_not-a-real-key");
        await (await stranger.GetAsync("/api/staff")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_api_key");
    }

    [Fact]
    public async Task The_first_start_admin_key_was_written_to_the_admin_key_file_and_works()
    {
        Assert.StartsWith(fixture.Host.AdminKey, (await File.ReadAllTextAsync(fixture.AdminKeyFile)).Trim());
        await (await fixture.Admin.GetAsync("/api/keys")).ShouldBe(HttpStatusCode.OK);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.AdminKeyFile));
    }

    [Fact]
    public async Task A_guard_reads_but_cannot_write()
    {
        var door = TestIds.New("guard-door");
        await fixture.Admin.CreateDoor(door);
        using var guard = fixture.Client(await fixture.Admin.CreateKey("guard"));

        await (await guard.GetAsync("/api/doors")).ShouldBe(HttpStatusCode.OK);
        await (await guard.GetAsync("/api/events?limit=5")).ShouldBe(HttpStatusCode.OK);
        await (await guard.PostJson("/api/doors", new { id = TestIds.New("d"), name = "x", zone = "lobby" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden_role");
        await (await guard.PostJson("/api/staff", new { id = TestIds.New("s"), name = "x" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden_role");
        await (await guard.PostImage($"/api/doors/{door}/access", [0xFF, 0xD8, 0xFF]))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden_role");
        await (await guard.PostJson("/api/keys", new { role = "admin" })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden_role");
    }

    [Fact]
    public async Task Hr_manages_staff_and_doors_but_not_keys()
    {
        using var hr = fixture.Client(await fixture.Admin.CreateKey("hr"));
        var staff = TestIds.New("hr-staff");
        await hr.CreateStaff(staff);
        await hr.CreateDoor(TestIds.New("hr-door"));
        await (await hr.PostJson("/api/keys", new { role = "guard" })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden_role");
        await fixture.Admin.Erase(staff);
    }

    [Fact]
    public async Task A_reader_key_works_only_at_its_own_door()
    {
        var (front, back) = (TestIds.New("front"), TestIds.New("back"));
        await fixture.Admin.CreateDoor(front);
        await fixture.Admin.CreateDoor(back);
        using var reader = fixture.Client(await fixture.Admin.CreateKey("reader", front));

        await (await reader.PostImage($"/api/doors/{back}/access", [0xFF, 0xD8, 0xFF, 0xE0]))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "wrong_door");
        await (await reader.PostImage($"/api/doors/{back}/verify?staffId=someone", [0xFF, 0xD8, 0xFF, 0xE0]))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "wrong_door");
        await (await reader.GetAsync("/api/staff")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden_role");
        await (await reader.GetAsync("/api/events")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden_role");

        // At its own door the request gets past auth: the body is judged (and this one is no image).
        await (await reader.PostImage($"/api/doors/{front}/access", "not a jpeg"u8.ToArray()))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "not_an_image");
    }

    [Fact]
    public async Task Key_creation_checks_role_and_door()
    {
        await (await fixture.Admin.PostJson("/api/keys", new { role = "reader" })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_request");
        await (await fixture.Admin.PostJson("/api/keys", new { role = "reader", doorId = TestIds.New("nowhere") }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "unknown_door");
        await (await fixture.Admin.PostJson("/api/keys", new { role = "guard", doorId = "front" })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_request");
        await (await fixture.Admin.PostJson("/api/keys", new { role = "wizard" })).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        await (await fixture.Admin.PostJson("/api/keys", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Keys_are_listed_without_secrets_and_a_revoked_key_stops_working()
    {
        var created = await (await fixture.Admin.PostJson("/api/keys", new { role = "guard" })).Read<JsonElement>(HttpStatusCode.Created);
        var (key, keyId) = (created.GetProperty("key").GetString()!, created.GetProperty("keyId").GetString()!);
        using var guard = fixture.Client(key);
        await (await guard.GetAsync("/api/doors")).ShouldBe(HttpStatusCode.OK);

        var listing = await (await fixture.Admin.GetAsync("/api/keys")).Content.ReadAsStringAsync();
        Assert.Contains(keyId, listing);
        Assert.DoesNotContain(key, listing);
        Assert.DoesNotContain(fixture.Host.AdminKey, listing);

        await (await fixture.Admin.DeleteAsync($"/api/keys/{keyId}")).ShouldBe(HttpStatusCode.NoContent);
        await (await guard.GetAsync("/api/doors")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_api_key");
        await (await fixture.Admin.DeleteAsync($"/api/keys/{keyId}")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_key");
    }
}
