using System.Net;
using System.Text.Json;
using AccessGrid.Gateway.Tests.Infrastructure;

namespace AccessGrid.Gateway.Tests;

/// <summary>Browser hardening headers on every kind of response, and an Orleans Dashboard cookie that never holds the key.</summary>
[Collection(GatewayCollection.Name)]
public sealed class SecurityHeadersTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("/api/doors", HttpStatusCode.OK)]                     // API JSON
    [InlineData("/api/no-such-thing", HttpStatusCode.NotFound)]       // problem 404
    [InlineData("/", HttpStatusCode.OK)]                              // the dashboard's page
    [InlineData("/js/app.js", HttpStatusCode.OK)]                     // a dashboard module
    [InlineData("/scalar/", HttpStatusCode.OK)]                       // the API reference
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/orleans/", HttpStatusCode.OK)]                      // the Orleans Dashboard (admin key header)
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var response = await fixture.Admin.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        AssertHardened(response);
    }

    [Fact]
    public async Task A_problem_for_a_missing_key_carries_the_headers_too()
    {
        using var anonymous = fixture.Client(null);
        using var response = await anonymous.GetAsync("/api/staff");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertHardened(response);
    }

    [Fact]
    public async Task The_orleans_cookie_holds_a_ticket_not_the_key_and_dies_with_the_key()
    {
        var created = await (await fixture.Admin.PostJson("/api/keys", new { role = "admin" })).Read<JsonElement>(HttpStatusCode.Created);
        var (key, keyId) = (created.GetProperty("key").GetString()!, created.GetProperty("keyId").GetString()!);

        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/dashboard/session");
        signIn.Headers.Add("X-Api-Key", key);
        using var anonymous = fixture.Client(null);
        using var session = await anonymous.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.NoContent, session.StatusCode);
        var setCookie = Assert.Single(session.Headers.GetValues("Set-Cookie"));
        Assert.DoesNotContain(key, setCookie);
        Assert.DoesNotContain(Uri.EscapeDataString(key), setCookie);
        var cookie = setCookie.Split(';')[0];

        // The cookie opens the Orleans Dashboard, with the headers, …
        using var page = await anonymous.SendAsync(Orleans(cookie));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertHardened(page);

        // … until its key is revoked: the ticket names the key, and the key is looked up on every request.
        await (await fixture.Admin.DeleteAsync($"/api/keys/{keyId}")).ShouldBe(HttpStatusCode.NoContent);
        using var afterRevoke = await anonymous.SendAsync(Orleans(cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);

        // A made-up ticket opens nothing.
        using var forged = await anonymous.SendAsync(Orleans("accessgrid-orleans=" + keyId));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    private static HttpRequestMessage Orleans(string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/orleans/");
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    private static void AssertHardened(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
