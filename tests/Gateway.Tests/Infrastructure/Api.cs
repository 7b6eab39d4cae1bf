using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AccessGrid.Client;
using AccessGrid.Grains;

namespace AccessGrid.Gateway.Tests.Infrastructure;

/// <summary>How the tests talk to the API. Setup shortcuts go through the shared typed client (src/Client) over the
/// test's HttpClient; the raw helpers and assertions are for tests of the API's edges (status codes, ProblemDetails,
/// malformed bodies), which the typed client deliberately hides.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = ApiJson.Options;

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, Json);

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body, Json);

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string path, string body, string contentType)
    {
        var content = new StringContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync(path, content);
    }

    public static Task<HttpResponseMessage> PostImage(this HttpClient client, string path, byte[] image, string contentType = "image/jpeg")
    {
        var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync(path, content);
    }

    public static async Task<T> Read<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json) ?? throw new InvalidOperationException($"null body: {text}");
    }

    /// <summary>Asserts a ProblemDetails answer with this status and reason, and returns it.</summary>
    public static async Task<Problem> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {reason}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<Problem>(text, Json)!;
        Assert.Equal((int)status, problem.Status);
        Assert.True(reason == problem.Reason, $"expected reason {reason}, got {problem.Reason}: {text}");
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail), text);
        return problem;
    }

    public static async Task ShouldBe(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
    }

    // Setup shortcuts used by many tests: the typed client over the test's HttpClient (which carries the key).

    /// <summary>A door for tests that post stills (face-api samples, seed crops): liveness off unless asked, because
    /// such pictures are not camera frames and the passive model is not meant to judge them (docs/api.md).</summary>
    public static Task<DoorInfo> CreateDoor(this HttpClient admin, string id, string zone = "lobby", string mode = "both", string liveness = "off") =>
        Typed(admin).CreateDoor(id, $"Door {id}", zone, JsonSerializer.Deserialize<DoorMode>($"\"{mode}\"", Json),
            JsonSerializer.Deserialize<LivenessPolicy>($"\"{liveness}\"", Json));

    public static Task<StaffProfile> CreateStaff(this HttpClient admin, string id, string? name = null) =>
        Typed(admin).CreateStaff(id, name ?? $"Person {id}");

    public static async Task<string> CreateKey(this HttpClient admin, string role, string? doorId = null) =>
        (await Typed(admin).CreateKey(JsonSerializer.Deserialize<ApiRole>($"\"{role}\"", Json), doorId)).Key;

    public static Task Grant(this HttpClient admin, string staffId, string doorId) => Typed(admin).GrantDoor(staffId, doorId);

    public static Task<Decision> Access(this HttpClient client, string doorId, byte[] image, string contentType = "image/jpeg") =>
        Typed(client).Access(doorId, image, contentType);

    public static Task<Decision> Verify(this HttpClient client, string doorId, string staffId, byte[] image, string contentType = "image/jpeg") =>
        Typed(client).Verify(doorId, staffId, image, contentType);

    /// <summary>Erases people so their faces do not linger in the shared gallery (another test may enroll the same face).</summary>
    public static async Task Erase(this HttpClient admin, params string[] staffIds)
    {
        foreach (var id in staffIds)
        {
            try { await Typed(admin).EraseStaff(id); }
            catch (AccessGridApiException e) when (e.Status == HttpStatusCode.NotFound) { } // never created, or already gone
        }
    }

    public static AccessGridClient Typed(HttpClient client) => new(client);
}

/// <summary>The ProblemDetails fields the tests look at.</summary>
public sealed record Problem(int Status, string? Title, string? Detail, string? Reason);
