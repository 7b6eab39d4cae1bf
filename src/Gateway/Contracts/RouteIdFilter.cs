using AccessGrid.Gateway.Problems;
using Microsoft.AspNetCore.Http;

namespace AccessGrid.Gateway.Contracts;

/// <summary>Refuses ids in the path that could never have been created (see <see cref="Identifiers"/>) before they
/// become grain or storage keys.</summary>
public sealed class RouteIdFilter : IEndpointFilter
{
    private static readonly string[] IdRouteValues = ["staffId", "doorId", "zone"];

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var values = context.HttpContext.Request.RouteValues;
        foreach (var name in IdRouteValues)
        {
            if (values.TryGetValue(name, out var value) && !Identifiers.IsValid(value as string))
                return ValueTask.FromResult<object?>(ApiProblem.Invalid("invalid_id", $"{name} in the path: {Identifiers.Rule}"));
        }
        return next(context);
    }
}
