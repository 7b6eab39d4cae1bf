using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace AccessGrid.Dashboard;

/// <summary>The pages (HTML, CSS, JS modules and the SignalR client) embedded in this assembly, so the silo serves
/// them from wherever it runs, with no build step and no CDN. They contain no inline script or style: the host's
/// security headers (AccessGrid.Gateway.Security.SecurityHeaders) give them a strict content security policy.</summary>
public static class DashboardAssets
{
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
                // Always revalidate (ETag): a redeployed silo must not leave browsers on stale modules.
                headers.CacheControl = "no-cache";
            },
        });
    }
}
