using System.Security.Claims;
using System.Text.Encodings.Web;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessGrid.Gateway.Auth;

/// <summary>The one authentication scheme of the API and the dashboard: an API key, checked against the key registry
/// grain (which holds only hashes) on every request, so a revoked key stops working at once. The key comes in the
/// <c>X-Api-Key</c> header, or where <see cref="ApiKeyAuthenticationOptions"/> allows on the dashboard's own paths.
/// The principal carries the key's role, its public id and, for a reader, the door it is bound to.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string DoorClaim = "accessgrid:door";
    public const string KeyIdClaim = "accessgrid:key";
    public const string KeyLabelClaim = "accessgrid:key-label";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        ApiKeyInfo? info;
        if (FindKey() is { } key) info = await grains.GetGrain<IApiKeyRegistryGrain>(0).Validate(key);
        else if (FindSessionCookie() is { } cookie && Options.ResolveCookie is { } resolve) info = await resolve(Context, cookie);
        else return AuthenticateResult.NoResult();
        if (info is null) return AuthenticateResult.Fail("Unknown or revoked API key.");

        List<Claim> claims = [new(ClaimTypes.Role, ApiRoles.Name(info.Role)), new(ClaimTypes.Name, info.KeyId), new(KeyIdClaim, info.KeyId), new(KeyLabelClaim, info.Label)];
        if (info.DoorId is not null) claims.Add(new Claim(DoorClaim, info.DoorId));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private string? FindKey()
    {
        if (NonBlank(Request.Headers[HeaderName].ToString()) is { } header) return header;

        if (Options.HubPath.HasValue && Request.Path.StartsWithSegments(Options.HubPath))
        {
            var authorization = Request.Headers.Authorization.ToString();
            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return NonBlank(authorization["Bearer ".Length..]);
            return NonBlank(Request.Query["access_token"].ToString());
        }
        return null;
    }

    private string? FindSessionCookie() =>
        Options.CookieName is { } cookie && Request.Path.StartsWithSegments(Options.CookiePath) ? NonBlank(Request.Cookies[cookie]) : null;

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
