using System.Text.Json.Serialization;
using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Json;
using AccessGrid.Gateway.Problems;
using AccessGrid.Gateway.Throttling;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AccessGrid.Gateway;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>Everything the API needs besides Orleans itself: API-key auth and role policies, ProblemDetails for
    /// every error, JSON conventions and the OpenAPI document.</summary>
    public static IServiceCollection AddAccessGridGateway(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiRoles.AdminPolicy, p => p.RequireRole(ApiRoles.Admin))
            .AddPolicy(ApiRoles.ManagePolicy, p => p.RequireRole(ApiRoles.Admin, ApiRoles.Hr))
            .AddPolicy(ApiRoles.ReadPolicy, p => p.RequireRole(ApiRoles.Admin, ApiRoles.Hr, ApiRoles.Guard))
            .AddPolicy(ApiRoles.DoorPolicy, p => p.RequireAuthenticatedUser().AddRequirements(new DoorAccessRequirement()));
        services.AddSingleton<IAuthorizationHandler, DoorAccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddAccessGridRateLimits();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemReasons.AddDefaultReason);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Bad JSON and bad query values must reach the exception handler as exceptions, not as silent empty 400s.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.ConfigureHttpJsonOptions(o =>
        {
            // Enums travel as names ("suspended", "Monday"), never as numbers; unknown names and numbers are a 400.
            o.SerializerOptions.Converters.Add(new StrictEnumConverterFactory());
            // Strict bodies: a misspelt or unsupported field is a 400 naming it, not silently ignored.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // Numbers are numbers: "3" is not accepted for 3, so the OpenAPI document types them as numbers only.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddOpenApi(o =>
        {
            // The document is the API's; the dashboard's own endpoints live beside it but are not part of it.
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiKeySecurityTransformer>();
        });
        return services;
    }
}
