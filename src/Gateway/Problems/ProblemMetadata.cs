using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AccessGrid.Gateway.Problems;

/// <summary>Declares the ProblemDetails answers an endpoint can give, so the OpenAPI document lists them.</summary>
public static class ProblemMetadata
{
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statusCodes) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statusCodes) builder.ProducesProblem(status);
        return builder;
    }

    /// <summary>What every authorised API call can answer: bad request, no or unknown key, wrong role.</summary>
    public static TBuilder ProducesAuthProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}
