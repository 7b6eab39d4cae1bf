using AccessGrid.Grains;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace AccessGrid.Gateway.Auth;

/// <summary>Where the API-key scheme also looks for the key, for clients that cannot send the X-Api-Key header. Each
/// fallback is honoured only on its own path, so the API itself accepts nothing but the header.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>A SignalR hub: browsers send the key as a bearer token, or as <c>access_token</c> in the query string
    /// (WebSockets and server-sent events cannot carry headers). Empty: no hub.</summary>
    public PathString HubPath { get; set; }

    /// <summary>A session cookie, read only under <see cref="CookiePath"/> (pages reached by plain navigation).
    /// Null: no cookie.</summary>
    public string? CookieName { get; set; }

    public PathString CookiePath { get; set; }

    /// <summary>Turns the cookie's value (a session ticket, never the key itself) into the key it stands for, or null
    /// when the ticket is forged, expired or its key revoked.</summary>
    public Func<HttpContext, string, Task<ApiKeyInfo?>>? ResolveCookie { get; set; }
}
