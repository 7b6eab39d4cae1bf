using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AccessGrid.Grains;

namespace AccessGrid.Dashboard.Tests.Infrastructure;

/// <summary>The few gateway calls the browser tests make behind the browser's back: setup, and the reader's frames.</summary>
public static class AccessApi
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static async Task CreateDoor(this HttpClient admin, string id, string name, string zone) =>
        await Expect(await admin.PostAsJsonAsync("/api/doors", new { id, name, zone, mode = "both" }, Json), HttpStatusCode.Created);

    public static async Task CreateStaff(this HttpClient admin, string id, string name) =>
        await Expect(await admin.PostAsJsonAsync("/api/staff", new { id, name }, Json), HttpStatusCode.Created);

    public static async Task<string> CreateKey(this HttpClient admin, string role, string? doorId = null) =>
        (await admin.CreateKeyWithId(role, doorId)).Key;

    /// <summary>A new key and its public id (what revoking takes).</summary>
    public static async Task<(string Key, string KeyId)> CreateKeyWithId(this HttpClient admin, string role, string? doorId = null)
    {
        var response = await admin.PostAsJsonAsync("/api/keys", new { role, doorId }, Json);
        await Expect(response, HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return (created.GetProperty("key").GetString()!, created.GetProperty("keyId").GetString()!);
    }

    public static async Task Enroll(this HttpClient hr, string staffId, byte[] image, string contentType = "image/jpeg") =>
        await Expect(await hr.PostAsync($"/api/staff/{staffId}/faces", Image(image, contentType)), HttpStatusCode.Created);

    public static async Task Grant(this HttpClient hr, string staffId, string doorId) =>
        await Expect(await hr.PutAsync($"/api/staff/{staffId}/grants/{doorId}", null), HttpStatusCode.NoContent);

    public static async Task Revoke(this HttpClient hr, string staffId, string doorId) =>
        await Expect(await hr.DeleteAsync($"/api/staff/{staffId}/grants/{doorId}"), HttpStatusCode.NoContent);

    /// <summary>What a door reader does: posts a camera frame and gets the decision.</summary>
    public static async Task<Decision> Access(this HttpClient reader, string doorId, byte[] image)
    {
        var response = await reader.PostAsync($"/api/doors/{doorId}/access", Image(image, "image/jpeg"));
        await Expect(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<Decision>(Json))!;
    }

    public static ByteArrayContent Image(byte[] image, string contentType)
    {
        var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    public static async Task Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode == status) return;
        var body = await response.Content.ReadAsStringAsync();
        Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
    }
}
