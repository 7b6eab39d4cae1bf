using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using AccessGrid.Grains;

namespace AccessGrid.Gateway.Tests.Infrastructure;

/// <summary>Small helpers for talking to the API as a client would: JSON in, JSON or ProblemDetails out.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Converters = { new JsonStringEnumConverter() } };

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

    // Setup shortcuts used by many tests.

    public static async Task<DoorInfo> CreateDoor(this HttpClient admin, string id, string zone = "lobby", string mode = "both") =>
        await (await admin.PostJson("/api/doors", new { id, name = $"Door {id}", zone, mode })).Read<DoorInfo>(HttpStatusCode.Created);

    public static async Task<StaffProfile> CreateStaff(this HttpClient admin, string id, string? name = null) =>
        await (await admin.PostJson("/api/staff", new { id, name = name ?? $"Person {id}" })).Read<StaffProfile>(HttpStatusCode.Created);

    public static async Task<string> CreateKey(this HttpClient admin, string role, string? doorId = null)
    {
        var created = await (await admin.PostJson("/api/keys", new { role, doorId })).Read<JsonElement>(HttpStatusCode.Created);
        return created.GetProperty("key").GetString()!;
    }

    public static async Task Grant(this HttpClient admin, string staffId, string doorId) =>
        await (await admin.PutAsync($"/api/staff/{staffId}/grants/{doorId}", null)).ShouldBe(HttpStatusCode.NoContent);

    public static async Task<Decision> Access(this HttpClient client, string doorId, byte[] image, string contentType = "image/jpeg") =>
        await (await client.PostImage($"/api/doors/{doorId}/access", image, contentType)).Read<Decision>();

    public static async Task<Decision> Verify(this HttpClient client, string doorId, string staffId, byte[] image, string contentType = "image/jpeg") =>
        await (await client.PostImage($"/api/doors/{doorId}/verify?staffId={staffId}", image, contentType)).Read<Decision>();

    /// <summary>Erases people so their faces do not linger in the shared gallery (another test may enroll the same face).</summary>
    public static async Task Erase(this HttpClient admin, params string[] staffIds)
    {
        foreach (var id in staffIds) await admin.DeleteAsync($"/api/staff/{id}");
    }
}

/// <summary>The ProblemDetails fields the tests look at.</summary>
public sealed record Problem(int Status, string? Title, string? Detail, string? Reason);
