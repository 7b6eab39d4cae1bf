using AccessGrid.Gateway.Problems;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Http;

namespace AccessGrid.Gateway.Contracts;

/// <summary>Refuses ids in the path that could never have been created (the one rule, <see cref="Ids"/>) before they
/// become grain or storage keys: a lookup of such an id answers 400 invalid_id, not 404.</summary>
public sealed class RouteIdFilter : IEndpointFilter
{
    private static readonly string[] IdRouteValues = ["staffId", "doorId", "zone"];

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var values = context.HttpContext.Request.RouteValues;
        foreach (var name in IdRouteValues)
        {
            if (values.TryGetValue(name, out var value) && !Ids.IsValid(value as string))
                return ValueTask.FromResult<object?>(ApiProblem.Invalid("invalid_id", $"{name} in the path: {Ids.Rule}"));
        }
        return next(context);
    }
}
