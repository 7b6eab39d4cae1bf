using Microsoft.AspNetCore.Http;

namespace AccessGrid.Gateway.Problems;

/// <summary>Gives framework-made problems (unknown route, wrong method, a JSON endpoint sent something else…) a reason
/// and a detail too, so every 4xx says what went wrong.</summary>
public static class ProblemReasons
{
    public static void AddDefaultReason(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var (reason, detail) = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ("bad_request", "The request is malformed."),
            StatusCodes.Status401Unauthorized => ("missing_api_key", "Send an API key in the X-Api-Key header."),
            StatusCodes.Status403Forbidden => ("forbidden_role", "This key's role may not do that."),
            StatusCodes.Status404NotFound => ("not_found", $"No endpoint at {context.HttpContext.Request.Path}."),
            StatusCodes.Status405MethodNotAllowed => ("method_not_allowed", $"{context.HttpContext.Request.Method} is not allowed here."),
            StatusCodes.Status413PayloadTooLarge => ("body_too_large", "The request body is too large."),
            StatusCodes.Status415UnsupportedMediaType => ("unsupported_media_type",
                $"This endpoint does not accept '{context.HttpContext.Request.ContentType ?? "no content type"}' (JSON endpoints take application/json)."),
            >= 500 => ("internal_error", "The server failed; the error is logged."),
            _ => ("request_failed", "The request failed."),
        };
        problem.Extensions.TryAdd(ApiProblem.ReasonKey, reason);
        problem.Detail ??= detail;
    }
}
