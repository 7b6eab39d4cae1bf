using System.Net;

namespace AccessGrid.Client;

/// <summary>A ProblemDetails answer (or any other non-success status) from the API: the status, the machine-readable
/// reason (e.g. "unknown_door", "no_face"; null when the body carried none) and the human detail.</summary>
public sealed class AccessGridApiException(HttpStatusCode status, string? reason, string? title, string? detail, string body)
    : Exception($"HTTP {(int)status}{(reason is null ? "" : $" {reason}")}: {detail ?? title ?? Shorten(body)}")
{
    public HttpStatusCode Status { get; } = status;
    public string? Reason { get; } = reason;
    public string? Title { get; } = title;
    public string? Detail { get; } = detail;

    /// <summary>The response body as received (a ProblemDetails document, or whatever the server sent).</summary>
    public string Body { get; } = body;

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
