using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using AccessGrid.LocalRun;

namespace AccessGrid.TestSupport;

/// <summary>A webhook receiver on 127.0.0.1 and a free port (HttpListener): records every request and answers with the
/// queued status codes (200 once they run out).</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<ReceivedRequest> _received = Channel.CreateUnbounded<ReceivedRequest>();
    private readonly ConcurrentQueue<int> _statuses = new();

    public WebhookReceiver(params int[] statuses)
    {
        foreach (var status in statuses) _statuses.Enqueue(status);
        var port = FreePorts.Take(1)[0];
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Serve();
    }

    public string Url { get; }

    /// <summary>Answer every request from now on with <paramref name="status"/> (after the queued ones).</summary>
    public int Always { get; set; } = 200;

    /// <summary>The next request, or a failure after 20 s.</summary>
    public async Task<ReceivedRequest> Next()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var status = _statuses.TryDequeue(out var queued) ? queued : Always;
            context.Response.StatusCode = status;
            context.Response.Close();
            await _received.Writer.WriteAsync(new ReceivedRequest(context.Request.HttpMethod, headers, body.ToArray(), status));
        }
    }

    public void Dispose() => _listener.Close();
}

/// <summary>What the receiver got, and what it answered.</summary>
public sealed record ReceivedRequest(string Method, IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredWith)
{
    /// <summary>The X-AccessGrid-Signature header's timestamp and hex MAC.</summary>
    public (long T, string V1) Signature
    {
        get
        {
            var parts = Headers["X-AccessGrid-Signature"].Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            return (long.Parse(parts["t"]), parts["v1"]);
        }
    }

    /// <summary>Checks the signature as a receiver would, with its own HMAC (not the product's code).</summary>
    public bool IsSignedWith(string secret) => Signature.V1 == Mac(secret, Signature.T, Body);

    /// <summary>HMAC-SHA256 over "{timestamp}.{body}", keyed with the secret's UTF-8 bytes, in lower-case hex.</summary>
    public static string Mac(string secret, long timestamp, byte[] body)
    {
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{timestamp}."), .. body];
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
