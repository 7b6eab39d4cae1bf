using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace AccessGrid.Dashboard;

/// <summary>The pages (HTML, CSS, JS modules and the SignalR client) embedded in this assembly, so the silo serves
/// them from wherever it runs, with no build step and no CDN.</summary>
public static class DashboardAssets
{
    // No inline script or style anywhere: the pages run under a strict policy. ws: is implied by 'self' for the hub.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "media-src 'self' blob: mediastream:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static IFileProvider Files { get; } = new ManifestEmbeddedFileProvider(typeof(DashboardAssets).Assembly, "wwwroot");

    public static IApplicationBuilder UseDashboardAssets(this IApplicationBuilder app)
    {
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = Files });
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                // Always revalidate (ETag): a redeployed silo must not leave browsers on stale modules.
                headers.CacheControl = "no-cache";
            },
        });
    }
}
