using Microsoft.AspNetCore.Http;

namespace AccessGrid.Gateway.Problems;

/// <summary>Gives framework-made problems (unknown route, wrong method…) a reason too, so every 4xx has one.</summary>
public static class ProblemReasons
{
    public static void AddDefaultReason(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey(ApiProblem.ReasonKey)) return;
        problem.Extensions[ApiProblem.ReasonKey] = problem.Status switch
        {
            StatusCodes.Status400BadRequest => "bad_request",
            StatusCodes.Status401Unauthorized => "missing_api_key",
            StatusCodes.Status403Forbidden => "forbidden_role",
            StatusCodes.Status404NotFound => "not_found",
            StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
            StatusCodes.Status413PayloadTooLarge => "body_too_large",
            StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
            >= 500 => "internal_error",
            _ => "request_failed",
        };
    }
}
