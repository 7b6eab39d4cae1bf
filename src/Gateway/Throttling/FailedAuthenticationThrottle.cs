using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace AccessGrid.Gateway.Throttling;

/// <summary>Counts failed authentications (401 answers) per remote address; once an address has used up
/// <see cref="RateLimitSettings.FailedAuthPerAddress"/> in a window, its requests get 429 before any key is checked,
/// until the window ends. Only the guessing address is stopped: a valid key used from elsewhere is never locked out.
/// Behind a reverse proxy every client shares the proxy's address unless forwarded headers are configured.</summary>
public sealed class FailedAuthenticationThrottle(RateLimitSettings settings) : IMiddleware, IAsyncDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _failures = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.FailedAuthPerAddress,
            Window = settings.FailedAuthWindow,
            QueueLimit = 0,
        }));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        // Asking for zero permits only looks: it fails while the address's window is used up.
        using (var look = _failures.AttemptAcquire(address, permitCount: 0))
        {
            if (!look.IsAcquired)
            {
                await RateLimitProblem.WriteAsync(context, look, "Too many failed authentications from this address.");
                return;
            }
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
            _failures.AttemptAcquire(address).Dispose();
    }

    public ValueTask DisposeAsync() => _failures.DisposeAsync();
}
