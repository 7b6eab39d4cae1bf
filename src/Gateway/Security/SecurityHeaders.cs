using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AccessGrid.Gateway.Security;

/// <summary>Browser hardening headers on every response the host sends: API JSON, problems, 404s, the dashboard's
/// pages, the API reference at /scalar and the Orleans Dashboard at /orleans. Registered first, so nothing answers
/// without them. Nothing may frame a page (clickjacking), sniff a content type or leak the URL in a Referer.</summary>
public static class SecurityHeaders
{
    /// <summary>Our own pages and every API answer: no inline script or style anywhere, everything from this origin
    /// (ws: to the hub is implied by 'self'), camera frames as blob:/mediastream: media.</summary>
    public const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        + "media-src 'self' blob: mediastream:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
        + "base-uri 'none'; form-action 'self'";

    /// <summary>The Orleans Dashboard (a package's page) sets style attributes from its markup and loads data: icons.</summary>
    public const string OrleansDashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>The Scalar reference boots from an inline module script the package generates (its configuration), and
    /// styles itself inline; it still loads nothing from another origin.</summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; "
        + "base-uri 'self'; form-action 'self'";

    public const string OrleansDashboardPath = "/orleans";
    public const string ApiReferencePath = "/scalar";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // OnStarting: the headers land on every response, also those written later by error and status-code handlers.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = PolicyFor(http.Request.Path);
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    public static string PolicyFor(PathString path) =>
        path.StartsWithSegments(ApiReferencePath, StringComparison.OrdinalIgnoreCase) ? ApiReferencePolicy
        : path.StartsWithSegments(OrleansDashboardPath, StringComparison.OrdinalIgnoreCase) ? OrleansDashboardPolicy
        : StrictPolicy;
}
