using System.Net;
using AccessGrid.Gateway.Tests.Infrastructure;

namespace AccessGrid.Gateway.Tests;

/// <summary>Ids in URLs become grain and storage keys: ids that could never have been created are refused up front.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RouteIdTests(GatewayFixture fixture)
{
    public static TheoryData<string> BadIds => new() { "a%23b", "a%3Fb", "a%5Cb", "a%2Fb", new string('x', 300), "%20lead", "tab%09" };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task A_malformed_staff_id_in_the_path_is_400_invalid_id(string id)
    {
        await (await fixture.Admin.GetAsync($"/api/staff/{id}")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_id");
        await (await fixture.Admin.DeleteAsync($"/api/staff/{id}")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_id");
        await (await fixture.Admin.PutAsync($"/api/staff/{id}/grants/front", null)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_id");
    }

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task A_malformed_door_id_in_the_path_is_400_invalid_id(string id)
    {
        await (await fixture.Admin.GetAsync($"/api/doors/{id}")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_id");
        await (await fixture.Admin.PostImage($"/api/doors/{id}/access", [0xFF, 0xD8, 0xFF, 0xE0])).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_id");
    }
}
