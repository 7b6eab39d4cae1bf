using System.Security.Claims;
using System.Text.Encodings.Web;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessGrid.Dashboard;

/// <summary>Authenticates dashboard traffic with the same API keys as the gateway, taken from where each client can
/// put them: the X-Api-Key header (fetch), the SignalR access token (WebSockets cannot carry custom headers), or the
/// admin cookie's ticket (the Orleans Dashboard is reached by plain navigation; see <see cref="OrleansDashboardSession"/>).
/// Keys are checked against the key registry on every request, so a revoked key stops working at once.</summary>
public sealed class DashboardKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains,
    OrleansDashboardSession orleansSession)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessGridDashboardKey";
    public const string AdminCookie = "accessgrid-orleans";
    public const string ApiKeyHeader = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = FindKey(Request);
        var cookie = key is null && Request.Cookies.TryGetValue(AdminCookie, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        if (key is null && cookie is null) return AuthenticateResult.NoResult();

        var info = key is not null
            ? await grains.GetGrain<IApiKeyRegistryGrain>(0).Validate(key)
            : await orleansSession.Resolve(cookie!);
        if (info is null) return AuthenticateResult.Fail("Unknown or revoked API key.");

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, info.KeyId), new Claim(ClaimTypes.Role, RoleName(info.Role))], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The role names of the API's JSON (admin, hr, guard, reader).</summary>
    public static string RoleName(ApiRole role) => role.ToString().ToLowerInvariant();

    private static string? FindKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(ApiKeyHeader, out var header) && !string.IsNullOrWhiteSpace(header))
            return header.ToString();

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return authorization["Bearer ".Length..].Trim();

        // SignalR's browser client sends the token in the query string for WebSockets and server-sent events.
        if (request.Query.TryGetValue("access_token", out var token) && !string.IsNullOrWhiteSpace(token))
            return token.ToString();

        return null;
    }
}
