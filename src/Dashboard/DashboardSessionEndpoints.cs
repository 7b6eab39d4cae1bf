using System.Security.Claims;
using AccessGrid.Gateway.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Dashboard;

/// <summary>What the pages ask about their own sign-in: who the key belongs to, and the admin cookie for the Orleans
/// Dashboard, which is reached by plain navigation and so cannot send the X-Api-Key header. The cookie (HttpOnly,
/// same-site, scoped to the Orleans Dashboard's path) holds a <see cref="OrleansDashboardSession"/> ticket naming the
/// key's id, never the key; revoking the key ends the session too.</summary>
public static class DashboardSessionEndpoints
{
    public const string MePath = "/dashboard/me";
    public const string AdminCookie = "accessgrid-orleans";
    public const string CookiePath = "/dashboard/session";

    /// <summary>The answer to "who am I": the key's role (admin, hr, guard, reader), its public id and, for a reader
    /// key, the door it is bound to (the kiosk page learns its door from it).</summary>
    public sealed record Me(string Role, string KeyId, string? DoorId);

    public static IEndpointRouteBuilder MapDashboardSession(this IEndpointRouteBuilder endpoints, string orleansPath)
    {
        // Any valid key may ask; the dashboard refuses reader keys (door devices), the kiosk page accepts only them.
        endpoints.MapGet(MePath, (ClaimsPrincipal user) => TypedResults.Ok(new Me(
                user.FindFirstValue(ClaimTypes.Role) ?? "", user.FindFirstValue(ClaimTypes.Name) ?? "",
                user.FindFirstValue(ApiKeyAuthenticationHandler.DoorClaim))))
            .RequireAuthorization(DashboardPolicies.AnyKey).ExcludeFromDescription();

        endpoints.MapPost(CookiePath, (HttpContext context, OrleansDashboardSession session) =>
        {
            var ticket = session.Issue(context.User.FindFirstValue(ClaimTypes.Name)!);
            context.Response.Cookies.Append(AdminCookie, ticket, CookieOptions(context, orleansPath));
            return TypedResults.NoContent();
        }).RequireAuthorization(DashboardPolicies.Admin).ExcludeFromDescription();

        endpoints.MapDelete(CookiePath, (HttpContext context) =>
        {
            context.Response.Cookies.Delete(AdminCookie, CookieOptions(context, orleansPath));
            return TypedResults.NoContent();
        }).ExcludeFromDescription();

        return endpoints;
    }

    private static CookieOptions CookieOptions(HttpContext context, string orleansPath) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = orleansPath,
        IsEssential = true,
        MaxAge = OrleansDashboardSession.Lifetime,
    };
}
