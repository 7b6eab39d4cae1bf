using System.Threading.RateLimiting;
using AccessGrid.Gateway.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AccessGrid.Gateway.Throttling;

/// <summary>The one answer to a refused request: 429 problem with reason <c>rate_limited</c> and a Retry-After header
/// (whole seconds, at least 1).</summary>
public static class RateLimitProblem
{
    public const string Reason = "rate_limited";

    public static Task WriteAsync(HttpContext context, RateLimitLease lease, string detail)
    {
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiProblem.Create(StatusCodes.Status429TooManyRequests, Reason, $"{detail} Retry after {seconds} s.").ExecuteAsync(context);
    }
}
