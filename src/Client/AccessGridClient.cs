using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AccessGrid.Grains;
using AccessGrid.Grains.Backup;

namespace AccessGrid.Client;

/// <summary>The public HTTP API, typed: keys, doors, staff, faces, grants, access/verify, events and the index. Every
/// call sends this client's API key (X-Api-Key); any non-success answer throws <see cref="AccessGridApiException"/>
/// with the status and the ProblemDetails reason. Clients for other keys share one connection pool
/// (<see cref="WithKey"/>).</summary>
public sealed class AccessGridClient : IDisposable
{
    public const string ApiKeyHeader = "X-Api-Key";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <param name="http">Where requests go (its BaseAddress is the gateway); not disposed by this client.</param>
    /// <param name="apiKey">Sent with every request; null sends none (e.g. the HttpClient already carries one).</param>
    public AccessGridClient(HttpClient http, string? apiKey = null) : this(http, apiKey, ownsHttp: false) { }

    private AccessGridClient(HttpClient http, string? apiKey, bool ownsHttp)
    {
        _http = http;
        ApiKey = apiKey;
        _ownsHttp = ownsHttp;
    }

    /// <summary>A client with its own connection pool: never queues requests in the client (a load generator's
    /// concurrency is whatever arrival rate and latency make it), gives up connecting after 5 s.</summary>
    public static AccessGridClient Create(Uri baseUrl, string? apiKey, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        return new AccessGridClient(new HttpClient(handler) { BaseAddress = baseUrl, Timeout = timeout }, apiKey, ownsHttp: true);
    }

    public string? ApiKey { get; }

    public Uri? BaseAddress => _http.BaseAddress;

    /// <summary>The same gateway and connection pool with another key (e.g. a door reader's).</summary>
    public AccessGridClient WithKey(string? apiKey) => new(_http, apiKey, ownsHttp: false);

    // Keys (admin)

    public async Task<CreatedKey> CreateKey(ApiRole role, string? doorId = null, CancellationToken ct = default) =>
        await Send<CreatedKey>(HttpMethod.Post, "/api/keys", Json(new { role, doorId }), ct);

    public async Task<ApiKeyInfo[]> ListKeys(CancellationToken ct = default) => await Send<ApiKeyInfo[]>(HttpMethod.Get, "/api/keys", null, ct);

    public Task RevokeKey(string keyId, CancellationToken ct = default) => Send(HttpMethod.Delete, $"/api/keys/{Escape(keyId)}", null, ct);

    // Doors

    /// <summary>Creates a door; a null <paramref name="liveness"/> leaves the server's default (passive).</summary>
    public async Task<DoorInfo> CreateDoor(string id, string name, string zone, DoorMode mode = DoorMode.Both, LivenessPolicy? liveness = null,
        CancellationToken ct = default) =>
        await Send<DoorInfo>(HttpMethod.Post, "/api/doors", Json(new { id, name, zone, mode, liveness }), ct);

    public async Task<DoorInfo[]> ListDoors(CancellationToken ct = default) => await Send<DoorInfo[]>(HttpMethod.Get, "/api/doors", null, ct);

    public async Task<DoorInfo> GetDoor(string doorId, CancellationToken ct = default) =>
        await Send<DoorInfo>(HttpMethod.Get, $"/api/doors/{Escape(doorId)}", null, ct);

    /// <summary>Changes a door; a null <paramref name="liveness"/> keeps its liveness policy.</summary>
    public async Task<DoorInfo> UpdateDoor(string doorId, string name, string zone, DoorMode mode, LivenessPolicy? liveness = null,
        CancellationToken ct = default) =>
        await Send<DoorInfo>(HttpMethod.Put, $"/api/doors/{Escape(doorId)}", Json(new { name, zone, mode, liveness }), ct);

    public Task DeleteDoor(string doorId, CancellationToken ct = default) => Send(HttpMethod.Delete, $"/api/doors/{Escape(doorId)}", null, ct);

    /// <summary>Turns the door's decision snapshots (a small picture of the face of each denial) on or off.</summary>
    public async Task<DoorInfo> SetDoorSnapshots(string doorId, bool enabled, CancellationToken ct = default) =>
        await Send<DoorInfo>(HttpMethod.Put, $"/api/doors/{Escape(doorId)}/snapshots", Json(new { enabled }), ct);

    /// <summary>The JPEG of a decision's snapshot; throws 404 unknown_snapshot when there is none.</summary>
    public Task<byte[]> DecisionSnapshot(string eventId, CancellationToken ct = default) => SendForBytes($"/api/events/{Escape(eventId)}/snapshot", ct);

    // Staff

    public async Task<StaffProfile> CreateStaff(string id, string name, CancellationToken ct = default) =>
        await Send<StaffProfile>(HttpMethod.Post, "/api/staff", Json(new { id, name }), ct);

    /// <summary>One page of people, ordered by id: those matching <paramref name="q"/> (name words or id prefix), after
    /// <paramref name="cursor"/> (the previous page's <see cref="StaffPage.Next"/>). Every person: page until Next is null.</summary>
    public async Task<StaffPage> ListStaff(string? q = null, int limit = 100, string? cursor = null, int offset = 0, CancellationToken ct = default)
    {
        List<string> parts = [F($"limit={limit}")];
        if (!string.IsNullOrEmpty(q)) parts.Add($"q={Escape(q)}");
        if (cursor is not null) parts.Add($"cursor={Escape(cursor)}");
        if (offset != 0) parts.Add(F($"offset={offset}"));
        return await Send<StaffPage>(HttpMethod.Get, $"/api/staff?{string.Join('&', parts)}", null, ct);
    }

    public async Task<StaffProfile> GetStaff(string staffId, CancellationToken ct = default) =>
        await Send<StaffProfile>(HttpMethod.Get, $"/api/staff/{Escape(staffId)}", null, ct);

    /// <summary>Renames and/or suspends or reactivates; a null argument leaves that field as it is.</summary>
    public async Task<StaffProfile> UpdateStaff(string staffId, string? name = null, StaffStatus? status = null, CancellationToken ct = default) =>
        await Send<StaffProfile>(HttpMethod.Patch, $"/api/staff/{Escape(staffId)}", Json(new { name, status }), ct);

    /// <summary>Erases the person: profile, templates, grants and their place in the index.</summary>
    public Task EraseStaff(string staffId, CancellationToken ct = default) => Send(HttpMethod.Delete, $"/api/staff/{Escape(staffId)}", null, ct);

    // Faces

    /// <summary>Enrolls one photo; a refused photo (no face, blurry, already enrolled…) throws with status 422 and the
    /// rejection as its reason.</summary>
    public async Task<EnrollmentResult> EnrollFace(string staffId, byte[] image, string contentType = "image/jpeg", CancellationToken ct = default) =>
        await Send<EnrollmentResult>(HttpMethod.Post, $"/api/staff/{Escape(staffId)}/faces", Image(image, contentType), ct);

    public Task RemoveFaces(string staffId, CancellationToken ct = default) => Send(HttpMethod.Delete, $"/api/staff/{Escape(staffId)}/faces", null, ct);

    /// <summary>Removes one template with its index entry and thumbnail; throws 404 unknown_template when there is no such template.</summary>
    public Task RemoveFace(string staffId, Guid templateId, CancellationToken ct = default) =>
        Send(HttpMethod.Delete, $"/api/staff/{Escape(staffId)}/faces/{templateId}", null, ct);

    /// <summary>The JPEG thumbnail of one template; throws 404 unknown_thumbnail when there is none.</summary>
    public Task<byte[]> FaceThumbnail(string staffId, Guid templateId, CancellationToken ct = default) =>
        SendForBytes($"/api/staff/{Escape(staffId)}/faces/{templateId}/thumbnail", ct);

    // Grants

    public Task GrantDoor(string staffId, string doorId, GrantTerms? terms = null, CancellationToken ct = default) =>
        Send(HttpMethod.Put, $"/api/staff/{Escape(staffId)}/grants/{Escape(doorId)}", terms is null ? null : Json(terms), ct);

    public Task RevokeDoor(string staffId, string doorId, CancellationToken ct = default) =>
        Send(HttpMethod.Delete, $"/api/staff/{Escape(staffId)}/grants/{Escape(doorId)}", null, ct);

    public Task GrantZone(string staffId, string zone, GrantTerms? terms = null, CancellationToken ct = default) =>
        Send(HttpMethod.Put, $"/api/staff/{Escape(staffId)}/zones/{Escape(zone)}", terms is null ? null : Json(terms), ct);

    public Task RevokeZone(string staffId, string zone, CancellationToken ct = default) =>
        Send(HttpMethod.Delete, $"/api/staff/{Escape(staffId)}/zones/{Escape(zone)}", null, ct);

    // Door decisions (a reader key bound to the door, or admin)

    /// <summary>1:K: who is this, and may they pass? With a reader key the answer is the reader's view: no
    /// <see cref="Decision.Distance"/>, <see cref="Decision.Faces"/> or <see cref="Decision.LatencyMs"/> (they read null / 0).</summary>
    public async Task<Decision> Access(string doorId, byte[] image, string contentType = "image/jpeg", CancellationToken ct = default) =>
        await Send<Decision>(HttpMethod.Post, $"/api/doors/{Escape(doorId)}/access", Image(image, contentType), ct);

    /// <summary>1:1: is this <paramref name="staffId"/>, and may they pass? An unknown id is denied not_claimed_person;
    /// a reader key gets the reader's view, as for <see cref="Access"/>.</summary>
    public async Task<Decision> Verify(string doorId, string staffId, byte[] image, string contentType = "image/jpeg", CancellationToken ct = default) =>
        await Send<Decision>(HttpMethod.Post, $"/api/doors/{Escape(doorId)}/verify?staffId={Escape(staffId)}", Image(image, contentType), ct);

    /// <summary>1:K on a burst of frames (capture order, one size, 1–60): multipart parts named "frame".</summary>
    public async Task<Decision> AccessBurst(string doorId, IReadOnlyList<byte[]> frames, int? frameIntervalMs = null, string contentType = "image/jpeg",
        CancellationToken ct = default) =>
        await Send<Decision>(HttpMethod.Post, $"/api/doors/{Escape(doorId)}/access", Burst(frames, frameIntervalMs, contentType), ct);

    // Audit events and the index

    /// <summary>Decisions and changes, newest first; <see cref="AuditQuery.From"/> inclusive, <see cref="AuditQuery.To"/> exclusive.</summary>
    public async Task<AuditEntry[]> Events(AuditQuery query, CancellationToken ct = default)
    {
        List<string> parts = [F($"limit={query.Limit}")];
        if (query.DoorId is not null) parts.Add($"doorId={Escape(query.DoorId)}");
        if (query.StaffId is not null) parts.Add($"staffId={Escape(query.StaffId)}");
        if (query.Person is not null) parts.Add($"person={Escape(query.Person)}");
        if (query.From is { } from) parts.Add($"from={Escape(from.ToString("O", CultureInfo.InvariantCulture))}");
        if (query.To is { } to) parts.Add($"to={Escape(to.ToString("O", CultureInfo.InvariantCulture))}");
        if (query.Kind is { } kind) parts.Add($"kind={ApiJson.Name(kind)}");
        return await Send<AuditEntry[]>(HttpMethod.Get, "/api/events?" + string.Join('&', parts), null, ct);
    }

    /// <summary>Per-shard statistics of the face index (admin), as the API returns them.</summary>
    public async Task<JsonElement> IndexStats(CancellationToken ct = default) => await Send<JsonElement>(HttpMethod.Get, "/api/index", null, ct);

    /// <summary>Rebuilds every shard from staff state (admin); per-shard results as the API returns them.</summary>
    public async Task<JsonElement> RebuildIndex(CancellationToken ct = default) => await Send<JsonElement>(HttpMethod.Post, "/api/index/rebuild", null, ct);

    // Backup and restore (admin)

    /// <summary>Streams the site's backup (plain JSON lines, docs/api.md) into <paramref name="destination"/>.</summary>
    public async Task Backup(Stream destination, CancellationToken ct = default)
    {
        using var response = await SendRaw(new HttpRequestMessage(HttpMethod.Get, "/api/backup"), HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccess(response, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await body.CopyToAsync(destination, ct);
    }

    /// <summary>Sends a plain backup stream to be restored and follows the server's progress lines (handed to <paramref name="progress"/> in order, on the calling flow). The server checks
    /// the whole stream before it writes anything: a damaged stream, another model or a non-empty site (unless
    /// <paramref name="merge"/>) throws <see cref="AccessGridApiException"/> (400 invalid_backup, 409 model_mismatch,
    /// 409 target_not_empty) with nothing written; a failure after writing began throws with reason restore_failed.</summary>
    public async Task<RestoreReport> Restore(Stream backup, bool merge = false, Action<RestoreProgress>? progress = null, CancellationToken ct = default)
    {
        var content = new StreamContent(backup, 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, merge ? "/api/backup/restore?merge=true" : "/api/backup/restore") { Content = content };
        using var response = await SendRaw(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccess(response, ct);
        using var lines = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        while (await lines.ReadLineAsync(ct) is { } line)
        {
            var step = JsonSerializer.Deserialize<RestoreProgress>(line, BackupJson.Options)!;
            if (step.Report is { } report) return report;
            if (step.Error is { } error) throw new AccessGridApiException(response.StatusCode, "restore_failed", "Restore failed", error, line);
            progress?.Invoke(step);
        }
        throw new AccessGridApiException(response.StatusCode, "restore_failed", "Restore failed",
            "The server stopped answering before the restore finished; some of it may have been written.", "");
    }

    /// <summary>Sends a request as it is, with this client's key, and hands back whatever the server answered: for
    /// callers that test the API's edges (malformed input, status codes) rather than use it.</summary>
    public Task<HttpResponseMessage> SendRaw(HttpRequestMessage request, CancellationToken ct = default) =>
        SendRaw(request, HttpCompletionOption.ResponseContentRead, ct);

    private Task<HttpResponseMessage> SendRaw(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        if (ApiKey is not null) request.Headers.TryAddWithoutValidation(ApiKeyHeader, ApiKey);
        return _http.SendAsync(request, completion, ct);
    }

    /// <summary>Throws <see cref="AccessGridApiException"/> unless the answer is a success.</summary>
    public static async Task EnsureSuccess(HttpResponseMessage response, CancellationToken ct = default)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(ct);
        string? reason = null, title = null, detail = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    reason = Text(json.RootElement, "reason");
                    title = Text(json.RootElement, "title");
                    detail = Text(json.RootElement, "detail");
                }
            }
            catch (JsonException) { } // not a ProblemDetails document after all: the body is kept as it is
        }
        throw new AccessGridApiException(response.StatusCode, reason, title, detail, body);
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private async Task Send(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var response = await SendRaw(new HttpRequestMessage(method, path) { Content = content }, ct);
        await EnsureSuccess(response, ct);
    }

    private async Task<T> Send<T>(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var response = await SendRaw(new HttpRequestMessage(method, path) { Content = content }, ct);
        await EnsureSuccess(response, ct);
        return await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, ct)
               ?? throw new JsonException($"{method} {path} answered {(int)response.StatusCode} with an empty body.");
    }

    private async Task<byte[]> SendForBytes(string path, CancellationToken ct)
    {
        using var response = await SendRaw(new HttpRequestMessage(HttpMethod.Get, path), ct);
        await EnsureSuccess(response, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    private static JsonContent Json<T>(T body) => JsonContent.Create(body, options: ApiJson.Options);

    private static ByteArrayContent Image(byte[] image, string contentType)
    {
        var content = new ByteArrayContent(image);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static MultipartFormDataContent Burst(IReadOnlyList<byte[]> frames, int? frameIntervalMs, string contentType)
    {
        var content = new MultipartFormDataContent();
        for (int i = 0; i < frames.Count; i++) content.Add(Image(frames[i], contentType), "frame", F($"frame{i}"));
        if (frameIntervalMs is { } ms) content.Add(new StringContent(F($"{ms}")), "frameIntervalMs");
        return content;
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
