using AccessGrid.Dashboard;
using AccessGrid.Gateway;
using AccessGrid.Gateway.Images;
using AccessGrid.Gateway.Security;
using AccessGrid.Gateway.Throttling;

namespace AccessGrid.Silo;

/// <summary>Builds the one process: Orleans silo + gateway API + dashboard. Program.cs runs it; tests start it on free
/// ports against their own Azurite.</summary>
public static class AccessGridHost
{
    public static WebApplication Build(string[] args)
    {
        // Content root = the binaries, so appsettings.json is found whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var settings = SiloSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(settings.RateLimits);

        builder.WebHost.UseUrls(settings.Urls);
        // Slightly above the image limit so the gateway, not Kestrel, answers oversize images with its own problem.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = ImageUpload.MaxBytes + 1024 * 1024);

        builder.UseOrleans(silo => silo.ConfigureAccessGridSilo(settings, builder.Configuration));
        builder.Services.AddHostedService<AdminKeyBootstrap>();
        builder.Services.AddHostedService<StartupBanner>();
        builder.Services.AddAccessGridGateway();
        builder.Services.AddHealthChecks();
        builder.AddAccessGridDashboard();
        builder.AddAccessGridTelemetry(settings);

        var app = builder.Build();
        // A door whose decisions are refused by a rate limit shows as hammered on the dashboard's door board.
        var board = app.Services.GetRequiredService<DoorBoard>();
        app.Services.GetRequiredService<DoorRateLimitEvents>().Rejected += board.RecordRateLimited;
        app.UseSecurityHeaders();
        app.UseAccessGridGateway();
        app.MapAccessGridDashboard();
        app.MapAccessGridMetrics();
        // For load balancers and scripts: answers once the silo and the web server are up.
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }
}
