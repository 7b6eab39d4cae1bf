using System.Security.Claims;
using System.Text.Encodings.Web;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessGrid.Gateway.Auth;

/// <summary>Authenticates the <c>X-Api-Key</c> header against the key registry grain, which holds only key hashes.
/// The principal carries the key's role and, for a reader, the door it is bound to.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string DoorClaim = "accessgrid:door";
    public const string KeyIdClaim = "accessgrid:key";
    public const string KeyLabelClaim = "accessgrid:key-label";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
            return AuthenticateResult.NoResult();

        var info = await grains.GetGrain<IApiKeyRegistryGrain>(0).Validate(values.ToString().Trim());
        if (info is null) return AuthenticateResult.Fail("Unknown or revoked API key.");

        List<Claim> claims = [new(ClaimTypes.Role, ApiRoles.Name(info.Role)), new(KeyIdClaim, info.KeyId), new(KeyLabelClaim, info.Label)];
        if (info.DoorId is not null) claims.Add(new Claim(DoorClaim, info.DoorId));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
