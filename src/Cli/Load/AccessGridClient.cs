using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AccessGrid.Cli.Load;

/// <summary>The slice of the gateway's HTTP contract a load run needs. Set-up calls treat "already exists" (409) as
/// success so a run can be repeated against the same system.</summary>
public sealed class AccessGridClient : IDisposable
{
    private readonly HttpClient _http;

    public AccessGridClient(Uri baseUrl, string adminKey, TimeSpan timeout)
    {
        if (!baseUrl.IsLoopback) throw new ArgumentException($"Load is only sent to this machine (127.0.0.1 / localhost), not {baseUrl.Host}.");
        var handler = new SocketsHttpHandler
        {
            // Open loop: concurrency is whatever the arrival rate and latency make it; never queue in the client.
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        _http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = timeout };
        AdminKey = adminKey;
    }

    public string AdminKey { get; }

    public async Task CreateDoor(string id, CancellationToken ct)
    {
        using var response = await Send(HttpMethod.Post, "/api/doors", AdminKey, JsonContent.Create(new { id, name = $"Load door {id}", zone = "load", mode = "both" }), ct);
        await EnsureCreated(response, $"create door {id}", ct);
    }

    public async Task<string> CreateReaderKey(string doorId, CancellationToken ct)
    {
        using var response = await Send(HttpMethod.Post, "/api/keys", AdminKey, JsonContent.Create(new { role = "reader", doorId }), ct);
        await EnsureCreated(response, $"create reader key for {doorId}", ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.GetProperty("key").GetString() ?? throw new InvalidDataException("POST /api/keys returned no key.");
    }

    public async Task CreateStaff(string id, string name, CancellationToken ct)
    {
        using var response = await Send(HttpMethod.Post, "/api/staff", AdminKey, JsonContent.Create(new { id, name }), ct);
        await EnsureCreated(response, $"create staff {id}", ct);
    }

    /// <summary>True when the face was enrolled (or already was); false when the gateway refused it (422).</summary>
    public async Task<bool> EnrollFace(string staffId, byte[] jpeg, CancellationToken ct)
    {
        using var response = await Send(HttpMethod.Post, $"/api/staff/{staffId}/faces", AdminKey, Jpeg(jpeg), ct);
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            return body.Contains("already", StringComparison.OrdinalIgnoreCase) && body.Contains(staffId, StringComparison.Ordinal);
        }
        await EnsureCreated(response, $"enroll a face for {staffId}", ct);
        return true;
    }

    public async Task Grant(string staffId, string doorId, CancellationToken ct)
    {
        using var response = await Send(HttpMethod.Put, $"/api/staff/{staffId}/grants/{doorId}", AdminKey, null, ct);
        await EnsureCreated(response, $"grant {staffId} the door {doorId}", ct);
    }

    /// <summary>POST /api/doors/{door}/access with a reader key; never throws for HTTP-level failures.</summary>
    public async Task<(int Status, JsonElement? Body, string? Error)> Access(string doorId, string readerKey, byte[] jpeg, CancellationToken ct)
    {
        try
        {
            using var response = await Send(HttpMethod.Post, $"/api/doors/{doorId}/access", readerKey, Jpeg(jpeg), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            int status = (int)response.StatusCode;
            if (status != 200) return (status, null, $"http_{status}");
            using var json = JsonDocument.Parse(text);
            return (status, json.RootElement.Clone(), null);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (0, null, "timeout");
        }
        catch (HttpRequestException e)
        {
            return (0, null, e.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "connection_refused",
                HttpRequestError.ResponseEnded => "connection_reset",
                _ => "http_" + e.HttpRequestError.ToString().ToLowerInvariant(),
            });
        }
        catch (JsonException)
        {
            return (200, null, "bad_json");
        }
    }

    /// <summary>GET /api/events (decisions only) in [from, to), newest first, as raw JSON elements.</summary>
    public async Task<IReadOnlyList<JsonElement>> DecisionEvents(string? doorId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken ct)
    {
        var query = $"/api/events?kind=decision&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}&limit={limit}"
                    + (doorId is null ? "" : $"&doorId={doorId}");
        using var response = await Send(HttpMethod.Get, query, AdminKey, null, ct);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var root = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement
            : json.RootElement.TryGetProperty("events", out var events) ? events
            : json.RootElement.TryGetProperty("items", out var items) ? items
            : throw new InvalidDataException("GET /api/events did not return a list.");
        return root.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>How many grants a person has (GET /api/staff/{id}); null when the person is unknown.</summary>
    public async Task<int?> GrantCount(string staffId, CancellationToken ct)
    {
        using var response = await Send(HttpMethod.Get, $"/api/staff/{staffId}", AdminKey, null, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.TryGetProperty("grants", out var grants) ? grants.GetArrayLength() : 0;
    }

    /// <summary>Sends an arbitrary request with the given key: the malformed-input drill's way in.</summary>
    public Task<HttpResponseMessage> SendRaw(HttpRequestMessage request, CancellationToken ct) => _http.SendAsync(request, ct);

    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string key, HttpContent? content, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Api-Key", key);
        return _http.SendAsync(request, ct);
    }

    private static ByteArrayContent Jpeg(byte[] jpeg)
    {
        var content = new ByteArrayContent(jpeg);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return content;
    }

    private static async Task EnsureCreated(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict) return;
        var body = await response.Content.ReadAsStringAsync(ct);
        throw new HttpRequestException($"{what}: HTTP {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
    }
}
