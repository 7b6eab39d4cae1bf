using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Dashboard;

/// <summary>Gives a signed-in admin's browser a cookie for the Orleans Dashboard, which is reached by plain navigation
/// and so cannot send the X-Api-Key header. The cookie holds the key itself (HttpOnly, same-site, scoped to the Orleans
/// Dashboard's path), so revoking the key revokes the cookie too.</summary>
public static class AdminCookieEndpoints
{
    public const string Path = "/dashboard/session";

    public static IEndpointRouteBuilder MapAdminCookie(this IEndpointRouteBuilder endpoints, string orleansPath)
    {
        endpoints.MapPost(Path, (HttpContext context) =>
        {
            var key = context.Request.Headers[DashboardKeyAuthenticationHandler.ApiKeyHeader].ToString();
            context.Response.Cookies.Append(DashboardKeyAuthenticationHandler.AdminCookie, key, Options(context, orleansPath));
            return TypedResults.NoContent();
        }).RequireAuthorization(DashboardPolicies.Admin).ExcludeFromDescription();

        endpoints.MapDelete(Path, (HttpContext context) =>
        {
            context.Response.Cookies.Delete(DashboardKeyAuthenticationHandler.AdminCookie, Options(context, orleansPath));
            return TypedResults.NoContent();
        }).ExcludeFromDescription();

        return endpoints;
    }

    private static CookieOptions Options(HttpContext context, string orleansPath) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = orleansPath,
        IsEssential = true,
    };
}
