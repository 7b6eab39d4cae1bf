using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccessGrid.Gateway.Throttling;

public static class RateLimitingExtensions
{
    /// <summary>The decision limits (ASP.NET Core rate limiting) and the door events a refusal raises. The host
    /// registers its <see cref="RateLimitSettings"/>; without one the defaults apply.</summary>
    public static IServiceCollection AddAccessGridRateLimits(this IServiceCollection services)
    {
        services.TryAddSingleton(new RateLimitSettings());
        services.AddSingleton<DoorRateLimitEvents>();
        services.AddSingleton<FailedAuthenticationThrottle>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimitSettings, DoorRateLimitEvents>((options, settings, doors) =>
        {
            options.GlobalLimiter = DecisionRateLimiter.Create(settings);
            options.OnRejected = async (rejected, _) =>
            {
                if (DecisionRateLimiter.DoorOf(rejected.HttpContext) is { } doorId) doors.Reject(doorId);
                await RateLimitProblem.WriteAsync(rejected.HttpContext, rejected.Lease, "Too many decisions for this key or door.");
            };
        });
        return services;
    }

    /// <summary>Before authentication: addresses that failed too often get 429 without their key being checked.</summary>
    public static IApplicationBuilder UseFailedAuthenticationThrottle(this IApplicationBuilder app) =>
        app.UseMiddleware<FailedAuthenticationThrottle>();
}
