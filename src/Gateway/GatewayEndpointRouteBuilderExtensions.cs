using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Apis;
using AccessGrid.Gateway.Throttling;
using Microsoft.AspNetCore.Builder;
using Scalar.AspNetCore;

namespace AccessGrid.Gateway;

public static class GatewayEndpointRouteBuilderExtensions
{
    /// <summary>Error handling, throttling, auth, every API group, the OpenAPI document (/openapi/v1.json) and its reference page (/scalar).</summary>
    public static WebApplication UseAccessGridGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseFailedAuthenticationThrottle();
        app.UseAuthentication();
        app.UseAuditActor();
        app.UseAuthorization();
        // After authorization: only keys allowed at the door count against its decision limits.
        app.UseRateLimiter();

        app.MapKeysApi();
        app.MapDoorsApi();
        app.MapStaffApi();
        app.MapFacesApi();
        app.MapFaceImagesApi();
        app.MapGrantsApi();
        app.MapAccessApi();
        app.MapEventsApi();
        app.MapAuditApi();
        app.MapIndexApi();
        app.MapAlarmsApi();
        app.MapWebhooksApi();
        app.MapBackupApi();

        app.MapOpenApi().AllowAnonymous();
        // Self-hosted and possibly offline: no CDN fonts, no telemetry, no AI chat.
        app.MapScalarApiReference(o =>
        {
            o.Title = "AccessGrid API";
            o.DefaultFonts = false;
            o.Telemetry = false;
            o.Agent = new ScalarAgentOptions { Disabled = true };
            o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
        }).AllowAnonymous();
        return app;
    }
}
