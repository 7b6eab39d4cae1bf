using System.Net;
using System.Net.Http.Headers;
using AccessGrid.Gateway.Tests.Infrastructure;

namespace AccessGrid.Gateway.Tests;

/// <summary>One API-key scheme for the API and the dashboard: the header works everywhere; the hub's fallbacks (bearer
/// token, access_token query) work on the hub's path only, and the admin session cookie on the Orleans Dashboard's path only.</summary>
[Collection(GatewayCollection.Name)]
public sealed class KeyPlacementTests(GatewayFixture fixture)
{
    private const string Negotiate = "/hub/decisions/negotiate?negotiateVersion=1";

    [Fact]
    public async Task The_api_refuses_a_valid_key_sent_as_access_token_bearer_or_cookie()
    {
        using var anonymous = fixture.Client(null);
        var key = Uri.EscapeDataString(fixture.Host.AdminKey);
        await (await anonymous.GetAsync($"/api/doors?access_token={key}")).ShouldBeProblem(HttpStatusCode.Unauthorized, "missing_api_key");

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/doors");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Host.AdminKey);
        await (await anonymous.SendAsync(bearer)).ShouldBeProblem(HttpStatusCode.Unauthorized, "missing_api_key");

        using var cookie = new HttpRequestMessage(HttpMethod.Get, "/api/doors");
        cookie.Headers.Add("Cookie", $"accessgrid-orleans={key}");
        await (await anonymous.SendAsync(cookie)).ShouldBeProblem(HttpStatusCode.Unauthorized, "missing_api_key");

        // Nor does the Orleans Dashboard take the raw key as its cookie: that cookie holds a session ticket
        // (SecurityHeadersTests signs in and uses one).
        using var orleans = new HttpRequestMessage(HttpMethod.Get, "/orleans/");
        orleans.Headers.Add("Cookie", $"accessgrid-orleans={key}");
        await (await anonymous.SendAsync(orleans)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_hub_takes_the_key_as_header_access_token_or_bearer()
    {
        using var anonymous = fixture.Client(null);
        await (await anonymous.PostAsync(Negotiate, null)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsync($"{Negotiate}&access_token={Uri.EscapeDataString(fixture.Host.AdminKey)}", null)).ShouldBe(HttpStatusCode.OK);

        using var bearer = new HttpRequestMessage(HttpMethod.Post, Negotiate);
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Host.AdminKey);
        await (await anonymous.SendAsync(bearer)).ShouldBe(HttpStatusCode.OK);

        await (await fixture.Admin.PostAsync(Negotiate, null)).ShouldBe(HttpStatusCode.OK);
    }
}
