using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace AccessGrid.Dashboard;

/// <summary>The two calls the silo host makes: <c>builder.AddAccessGridDashboard()</c> and
/// <c>app.MapAccessGridDashboard()</c>.</summary>
public static class DashboardExtensions
{
    public const string OrleansDashboardPath = "/orleans";

    /// <summary>Registers the hub, this node's relay subscription, key authentication for the dashboard and the
    /// Orleans Dashboard's silo services. Call it beside the host's own UseOrleans: Orleans merges both into one silo.</summary>
    public static IHostApplicationBuilder AddAccessGridDashboard(this IHostApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.AddDashboard());

        var services = builder.Services;
        services.AddSignalR();
        services.AddSingleton<HubDecisionObserver>();
        services.AddHostedService<DecisionRelaySubscriber>();

        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DashboardKeyAuthenticationHandler>(
                DashboardKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardPolicies.AnyKey, policy => policy
                .AddAuthenticationSchemes(DashboardKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser())
            .AddPolicy(DashboardPolicies.Viewer, policy => policy
                .AddAuthenticationSchemes(DashboardKeyAuthenticationHandler.SchemeName)
                .RequireRole("admin", "hr", "guard"))
            .AddPolicy(DashboardPolicies.Admin, policy => policy
                .AddAuthenticationSchemes(DashboardKeyAuthenticationHandler.SchemeName)
                .RequireRole("admin"));
        return builder;
    }

    /// <summary>Serves the pages at /, the hub at /hub/decisions and the Orleans Dashboard at /orleans (admins).</summary>
    public static WebApplication MapAccessGridDashboard(this WebApplication app)
    {
        app.UseDashboardAssets();
        app.MapHub<DecisionHub>(DecisionHub.Path).RequireAuthorization(DashboardPolicies.Viewer);
        app.MapOrleansDashboard(OrleansDashboardPath).RequireAuthorization(DashboardPolicies.Admin);
        app.MapDashboardSession(OrleansDashboardPath);
        return app;
    }
}
