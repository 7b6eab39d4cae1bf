using AccessGrid.Gateway.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace AccessGrid.Gateway.Auth;

/// <summary>Answers 401 and 403 with ProblemDetails and a reason (missing key, unknown key, wrong role, wrong door)
/// instead of the framework's empty responses.</summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            var hasKey = context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName);
            var problem = hasKey
                ? ApiProblem.Create(StatusCodes.Status401Unauthorized, "invalid_api_key", "The X-Api-Key header holds an unknown or revoked key.")
                : ApiProblem.Create(StatusCodes.Status401Unauthorized, "missing_api_key", "Send an API key in the X-Api-Key header.");
            context.Response.Headers.WWWAuthenticate = ApiKeyAuthenticationHandler.SchemeName;
            GatewayMetrics.AuthFailed(hasKey ? "invalid_api_key" : "missing_api_key");
            await problem.ExecuteAsync(context);
        }
        else if (authorizeResult.Forbidden)
        {
            var doorFailure = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault(r => r.Handler is DoorAccessHandler);
            var problem = doorFailure is not null
                ? ApiProblem.Create(StatusCodes.Status403Forbidden, "wrong_door", doorFailure.Message)
                : ApiProblem.Create(StatusCodes.Status403Forbidden, "forbidden_role", "This key's role may not do that.");
            GatewayMetrics.AuthFailed(doorFailure is not null ? "wrong_door" : "forbidden_role");
            await problem.ExecuteAsync(context);
        }
        else
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
