using System.Net;
using System.Net.Http.Json;
using AccessGrid.Cli.Infrastructure;

namespace AccessGrid.Cli.Audit;

/// <summary>The one HTTP call `accessgrid audit verify` makes. Kept alone so a shared typed client can replace it.</summary>
public static class AuditHttp
{
    public static async Task<AuditReport> Verify(Uri baseUrl, string adminKey, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/audit/verify");
        request.Headers.Add("X-Api-Key", adminKey);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new CliException($"The gateway refused the key ({(int)response.StatusCode}): audit verify needs an admin key.");
        if (!response.IsSuccessStatusCode)
            throw new CliException($"GET /api/audit/verify answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return await response.Content.ReadFromJsonAsync<AuditReport>(ct)
            ?? throw new CliException("GET /api/audit/verify answered an empty body.");
    }
}
