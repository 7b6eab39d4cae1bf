using System.Net;
using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;

namespace AccessGrid.Gateway.Tests;

/// <summary>Keys say whom they are for and who made them; changes name the key behind them; a removed door's reader
/// key stays dead when the door id comes back; the audit chain check is an admin's.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AccountableKeysTests(GatewayFixture fixture)
{
    private sealed record CreatedKey(string Key, string KeyId, ApiRole Role, string? DoorId, string Label, string Owner, AuditActor? CreatedBy);

    [Fact]
    public async Task A_key_has_label_owner_and_creator_and_the_changes_it_makes_name_it()
    {
        var hr = await (await fixture.Admin.PostJson("/api/keys", new { role = "hr", label = "HR laptop", owner = "Dana (HR)" }))
            .Read<CreatedKey>(HttpStatusCode.Created);
        Assert.Equal(("HR laptop", "Dana (HR)", "First admin key"), (hr.Label, hr.Owner, hr.CreatedBy?.Label));

        using var client = fixture.Client(hr.Key);
        var door = TestIds.New("actor-door");
        await client.CreateDoor(door);

        var change = Assert.Single(await (await fixture.Admin.GetAsync($"/api/events?doorId={door}&kind=change")).Read<AuditEntry[]>());
        Assert.Equal(new AuditActor(hr.KeyId, "HR laptop"), change.Actor);
        Assert.NotNull(change.Seal);
        var listed = (await (await fixture.Admin.GetAsync("/api/keys")).Read<ApiKeyInfo[]>()).Single(k => k.KeyId == hr.KeyId);
        Assert.Equal(("HR laptop", "Dana (HR)"), (listed.Label, listed.Owner));
        Assert.NotNull(listed.LastUsedAt);

        await (await fixture.Admin.PostJson("/api/keys", new { role = "guard", label = new string('x', 101) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task A_reader_key_dies_with_its_door_and_stays_dead_when_the_id_is_reused()
    {
        var door = TestIds.New("gone-door");
        await fixture.Admin.CreateDoor(door);
        using var reader = fixture.Client(await fixture.Admin.CreateKey("reader", door));
        // Authenticated and authorised: the broken frame gets a decision (bad_image), not a 401.
        await (await reader.PostImage($"/api/doors/{door}/access", [0xFF, 0xD8, 0xFF])).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "bad_image");

        await (await fixture.Admin.DeleteAsync($"/api/doors/{door}")).ShouldBe(HttpStatusCode.NoContent);
        await fixture.Admin.CreateDoor(door);

        await (await reader.PostImage($"/api/doors/{door}/access", [0xFF, 0xD8, 0xFF])).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_api_key");
    }

    [Fact]
    public async Task Only_an_admin_verifies_the_audit_chain_and_it_holds()
    {
        await fixture.Admin.CreateDoor(TestIds.New("chain-door"));
        var report = await (await fixture.Admin.GetAsync("/api/audit/verify")).Read<AuditVerification>();
        Assert.True(report.Intact, report.FirstBreak?.Problem);
        Assert.True(report.Entries > 0 && report.Chains > 0);

        using var guard = fixture.Client(await fixture.Admin.CreateKey("guard"));
        await (await guard.GetAsync("/api/audit/verify")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden_role");
    }
}
