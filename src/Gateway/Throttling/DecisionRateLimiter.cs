using System.Security.Claims;
using System.Threading.RateLimiting;
using AccessGrid.Gateway.Auth;
using Microsoft.AspNetCore.Http;

namespace AccessGrid.Gateway.Throttling;

/// <summary>The decision limits as one chained limiter: a token bucket per reader key, then one per door. Requests that
/// are not decisions pass unlimited. It runs after authorization, so only keys allowed at the door are counted: nobody
/// can exhaust a door's budget with bad keys (those are stopped by <see cref="FailedAuthenticationThrottle"/>).</summary>
public static class DecisionRateLimiter
{
    public static PartitionedRateLimiter<HttpContext> Create(RateLimitSettings settings) => PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            IsDecision(context) && context.User.IsInRole(ApiRoles.Reader) && context.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) is { } keyId
                ? RateLimitPartition.GetTokenBucketLimiter("key:" + keyId, _ => Bucket(settings.ReaderKeyDecisionsPerSecond, settings.DecisionQueue))
                : RateLimitPartition.GetNoLimiter("")),
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            DoorOf(context) is { } doorId
                ? RateLimitPartition.GetTokenBucketLimiter("door:" + doorId, _ => Bucket(settings.DoorDecisionsPerSecond, settings.DecisionQueue))
                : RateLimitPartition.GetNoLimiter("")));

    /// <summary>The door of a decision request, or null for any other request.</summary>
    public static string? DoorOf(HttpContext context) =>
        IsDecision(context) && context.Request.RouteValues["doorId"] is string doorId ? doorId : null;

    private static bool IsDecision(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<DecisionEndpoint>() is not null;

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int queue) => new()
    {
        TokenLimit = perSecond,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = queue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };
}
