using System.Text.Json;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AccessGrid.Gateway.Problems;

/// <summary>Maps the exceptions that mean "the client got it wrong" to 4xx ProblemDetails. Anything else is a bug and
/// stays a 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, reason) = exception switch
        {
            ApiProblemException p => (p.Status, p.Reason),
            BadHttpRequestException { InnerException: JsonException } => (StatusCodes.Status400BadRequest, "malformed_json"),
            BadHttpRequestException b when b.StatusCode == StatusCodes.Status413PayloadTooLarge => (b.StatusCode, "body_too_large"),
            BadHttpRequestException b when b.StatusCode == StatusCodes.Status415UnsupportedMediaType => (b.StatusCode, "unsupported_media_type"),
            BadHttpRequestException b => (b.StatusCode, "bad_request"),
            AccessGridException { Error: AccessGridError.NotFound } => (StatusCodes.Status404NotFound, "not_found"),
            AccessGridException { Error: AccessGridError.Conflict } => (StatusCodes.Status409Conflict, "conflict"),
            AccessGridException { Error: AccessGridError.Invalid } => (StatusCodes.Status400BadRequest, "invalid_request"),
            _ => (0, ""),
        };
        if (status == 0) return false;

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                // The JSON parser's message says where the body broke; the wrapper's message does not.
                Detail = exception is BadHttpRequestException { InnerException: JsonException json } ? json.Message : exception.Message,
                Extensions = { [ApiProblem.ReasonKey] = reason },
            },
        });
    }
}
