using AccessGrid.Gateway.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
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

    /// <summary>Registers the hub, this node's relay subscription, where the gateway's API-key scheme finds the key
    /// for the dashboard (hub token, admin cookie), the dashboard's policies and the Orleans Dashboard's silo services. Call it beside the host's own UseOrleans: Orleans merges both into one silo.</summary>
    public static IHostApplicationBuilder AddAccessGridDashboard(this IHostApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.AddDashboard());

        var services = builder.Services;
        services.AddSignalR();
        services.AddSingleton<HubDecisionObserver>();
        services.AddSingleton<DoorBoard>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DecisionRelaySubscriber>();
        services.AddDataProtection();
        services.AddSingleton<OrleansDashboardSession>();
        services.AddHostedService(sp => sp.GetRequiredService<DecisionRelaySubscriber>());
        services.AddHostedService<DoorBoardHistory>();
        services.AddSingleton<HubConnections>();
        services.AddSingleton<HubKeyRevocationObserver>();
        services.AddSingleton<KeyRevocationSubscriber>();
        services.AddHostedService(sp => sp.GetRequiredService<KeyRevocationSubscriber>());

        // The browser's hub connection cannot send headers, nor can a link to the Orleans Dashboard: each gets its own
        // way in, on its own path only. The scheme itself is the gateway's (AddAccessGridGateway registers it).
        services.Configure<ApiKeyAuthenticationOptions>(ApiKeyAuthenticationHandler.SchemeName, o =>
        {
            o.HubPath = DecisionHub.Path;
            o.CookieName = DashboardSessionEndpoints.AdminCookie;
            o.CookiePath = OrleansDashboardPath;
            o.ResolveCookie = (http, ticket) => http.RequestServices.GetRequiredService<OrleansDashboardSession>().Resolve(ticket);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardPolicies.AnyKey, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser())
            .AddPolicy(DashboardPolicies.Viewer, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireRole(ApiRoles.Admin, ApiRoles.Hr, ApiRoles.Guard))
            .AddPolicy(DashboardPolicies.Admin, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireRole(ApiRoles.Admin));
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
