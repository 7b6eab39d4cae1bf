using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace AccessGrid.Dashboard;

/// <summary>The two calls the silo host makes: <c>builder.AddAccessGridDashboard()</c> and
/// <c>app.MapAccessGridDashboard()</c>.</summary>
public static class DashboardExtensions
{
    public const string OrleansDashboardPath = "/orleans";
    public const string DoorBoardPath = "/dashboard/doors";

    /// <summary>Registers the hub, this node's relay subscription, key authentication for the dashboard and the
    /// Orleans Dashboard's silo services. Call it beside the host's own UseOrleans: Orleans merges both into one silo.</summary>
    public static IHostApplicationBuilder AddAccessGridDashboard(this IHostApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.AddDashboard());

        var services = builder.Services;
        services.AddSignalR();
        services.AddSingleton<HubDecisionObserver>();
        services.AddSingleton<DoorBoard>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DecisionRelaySubscriber>();
        services.AddHostedService(sp => sp.GetRequiredService<DecisionRelaySubscriber>());
        services.AddHostedService<DoorBoardHistory>();
        services.AddSingleton<HubConnections>();
        services.AddSingleton<HubKeyRevocationObserver>();
        services.AddSingleton<KeyRevocationSubscriber>();
        services.AddHostedService(sp => sp.GetRequiredService<KeyRevocationSubscriber>());

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

    /// <summary>Serves the pages at /, the hub at /hub/decisions, the door board at /dashboard/doors and the Orleans
    /// Dashboard at /orleans (admins).</summary>
    public static WebApplication MapAccessGridDashboard(this WebApplication app)
    {
        app.UseDashboardAssets();
        app.MapHub<DecisionHub>(DecisionHub.Path).RequireAuthorization(DashboardPolicies.Viewer);
        app.MapOrleansDashboard(OrleansDashboardPath).RequireAuthorization(DashboardPolicies.Admin);
        app.MapDashboardSession(OrleansDashboardPath);
        app.MapGet(DoorBoardPath, (DoorBoard board) => TypedResults.Ok(board.Snapshot()))
            .RequireAuthorization(DashboardPolicies.Viewer).ExcludeFromDescription();
        return app;
    }
}
