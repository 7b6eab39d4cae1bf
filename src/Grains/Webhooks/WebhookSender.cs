using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace AccessGrid.Grains.Webhooks;

/// <summary>Sends one signed attempt. Every connection re-checks the destination rule on the addresses it is about to
/// use (<see cref="WebhookDestination.RequireLoopback"/>) and connects to exactly those, so a host cannot be re-pointed
/// between the check and the connect. No proxies, no redirects, no cookies.</summary>
internal sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly WebhookOptions _options;

    public WebhookSender(WebhookOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            MaxConnectionsPerServer = 8,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = Connect,
        };
        _http = new HttpClient(handler) { Timeout = options.AttemptTimeout };
    }

    /// <summary>POSTs the body; the outcome is <see cref="WebhookOutcome.Retrying"/> for anything worth trying again
    /// (the caller turns it into Failed on the last attempt).</summary>
    public async Task<WebhookAttempt> Send(WebhookTarget target, string deliveryId, string kind, byte[] body, int attempt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(target.Secret, now.ToUnixTimeSeconds(), body));
        request.Headers.Add(WebhookSignature.EventHeader, kind);
        request.Headers.Add(WebhookSignature.DeliveryHeader, deliveryId);
        request.Headers.UserAgent.ParseAdd("AccessGrid-Webhooks/1");

        var started = Stopwatch.GetTimestamp();
        WebhookAttempt Result(WebhookOutcome outcome, int? status, string? error) =>
            new(deliveryId, kind, attempt, now, outcome, status, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), error);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return Result(WebhookOutcome.Delivered, status, null);
            var worthRetrying = status is 408 or 429 or >= 500;
            return Result(worthRetrying ? WebhookOutcome.Retrying : WebhookOutcome.Failed, status, $"HTTP {status} {response.ReasonPhrase}".Trim());
        }
        catch (HttpRequestException e) when (Refusal(e) is { } refused)
        {
            return Result(WebhookOutcome.Refused, null, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return Result(WebhookOutcome.Retrying, null, e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result(WebhookOutcome.Retrying, null, $"No answer within {_options.AttemptTimeout.TotalSeconds:0.#} s.");
        }
    }

    private async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!WebhookDestination.IsAllowed(host, _options.AllowedHosts)) addresses = WebhookDestination.RequireLoopback(host, addresses);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static WebhookRefusedException? Refusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is WebhookRefusedException refused) return refused;
        return null;
    }

    public void Dispose() => _http.Dispose();
}
