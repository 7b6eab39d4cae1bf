using System.Text.Json;
using AccessGrid.Gateway.Json;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;

namespace AccessGrid.Gateway.Problems;

/// <summary>Maps the exceptions that mean "the client got it wrong" to 4xx ProblemDetails, and those that mean "a silo or
/// the storage is down for a moment" to 503 with Retry-After, so readers retry instead of giving up. Anything else is a
/// bug and stays a 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, reason, detail) = exception switch
        {
            ApiProblemException p => (p.Status, p.Reason, p.Message),
            BadHttpRequestException { InnerException: JsonException json } => Json(json),
            BadHttpRequestException b when b.StatusCode == StatusCodes.Status413PayloadTooLarge => (b.StatusCode, "body_too_large", b.Message),
            BadHttpRequestException b when b.StatusCode == StatusCodes.Status415UnsupportedMediaType => (b.StatusCode, "unsupported_media_type", b.Message),
            // A query value of the wrong form names the field and what it takes, never a .NET type.
            BadHttpRequestException b when QueryValueProblem.Describe(b.Message) is { } query => (StatusCodes.Status400BadRequest, "invalid_query", query),
            BadHttpRequestException b => (b.StatusCode, "bad_request", b.Message),
            // The grain that owns the rule names the reason; the gateway only picks the status.
            AccessGridException e => (StatusOf(e.Kind), e.Reason, e.Message),
            // A fixed text: storage providers' messages carry stack traces and connection details.
            _ when IsTransient(exception) => (StatusCodes.Status503ServiceUnavailable, "temporarily_unavailable",
                "The cluster or its storage is briefly unavailable; retry after the Retry-After delay."),
            _ => (0, "", ""),
        };
        if (status == 0) return false;

        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "2";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Detail = detail,
                Extensions = { [ApiProblem.ReasonKey] = reason },
            },
        });
    }

    private static (int, string, string) Json(JsonException json)
    {
        var (reason, detail) = JsonProblem.Describe(json);
        return (StatusCodes.Status400BadRequest, reason, detail);
    }

    private static int StatusOf(AccessGridError kind) => kind switch
    {
        AccessGridError.NotFound => StatusCodes.Status404NotFound,
        AccessGridError.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>A silo that died or is unreachable, a call that timed out, or storage that refused the connection
    /// (the Azure SDK wraps the socket error): anywhere in the chain.</summary>
    private static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
                or HttpRequestException or System.Net.Sockets.SocketException
                or StorageUnavailableException or System.Data.Common.DbException { IsTransient: true }) // a database that is away
                return true;
        return false;
    }
}
