using Microsoft.AspNetCore.Builder;

namespace AccessGrid.Gateway.Throttling;

public static class DecisionRateLimitExtensions
{
    /// <summary>Puts the endpoints under the decision limits of <see cref="RateLimitSettings"/> (per reader key, per door).</summary>
    public static TBuilder RequireDecisionRateLimits<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(DecisionEndpoint.Marker);
}

/// <summary>Endpoint metadata marking a door decision endpoint.</summary>
internal sealed class DecisionEndpoint
{
    public static readonly DecisionEndpoint Marker = new();

    private DecisionEndpoint() { }
}
