using System.Net;
using AccessGrid.Gateway.Tests.Infrastructure;

namespace AccessGrid.Gateway.Tests;

/// <summary>Query strings, unknown routes and methods, and the OpenAPI document with its reference page.</summary>
[Collection(GatewayCollection.Name)]
public sealed class QueryAndRoutingTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("/api/events?limit=0", HttpStatusCode.BadRequest, "invalid_query")]
    [InlineData("/api/events?limit=1001", HttpStatusCode.BadRequest, "invalid_query")]
    [InlineData("/api/events?kind=everything", HttpStatusCode.BadRequest, "invalid_query")]
    [InlineData("/api/events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", HttpStatusCode.BadRequest, "invalid_query")]
    [InlineData("/api/events?from=last-tuesday", HttpStatusCode.BadRequest, "invalid_query")]
    [InlineData("/api/events?limit=ten", HttpStatusCode.BadRequest, "invalid_query")]
    [InlineData("/api/alarms?open=maybe", HttpStatusCode.BadRequest, "invalid_query")]
    [InlineData("/api/nothing-here", HttpStatusCode.NotFound, "not_found")]
    public async Task Bad_queries_and_routes_are_4xx_with_a_reason(string path, HttpStatusCode status, string reason)
    {
        await (await fixture.Admin.GetAsync(path)).ShouldBeProblem(status, reason);
    }

    [Fact]
    public async Task A_bad_query_value_names_the_field_and_the_form_without_dotnet_types()
    {
        var response = await fixture.Admin.GetAsync("/api/events?from=yesterday");
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.StartsWith("from: 'yesterday' is not valid; use an ISO 8601 date and time", detail);
        Assert.DoesNotContain("DateTimeOffset", detail);
        Assert.DoesNotContain("Failed to bind", detail);
    }

    [Fact]
    public async Task The_OpenAPI_document_types_numbers_as_numbers_only()
    {
        using var anonymous = fixture.Client(null);
        using var document = System.Text.Json.JsonDocument.Parse(await (await anonymous.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync());
        var numbers = 0;
        var mixed = new List<string>();
        Walk(document.RootElement, "$");
        Assert.True(numbers > 0, "the document has no numeric field at all");
        Assert.True(mixed.Count == 0, "number-or-string types at: " + string.Join(", ", mixed));

        void Walk(System.Text.Json.JsonElement e, string path)
        {
            if (e.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                // A schema's "type" is a string or an array of strings (a property named "type" is an object).
                if (e.TryGetProperty("type", out var type) && type.ValueKind is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Array)
                {
                    var types = type.ValueKind == System.Text.Json.JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()).ToArray() : [type.GetString()!];
                    if (types.Contains("integer") || types.Contains("number"))
                    {
                        numbers++;
                        if (types.Contains("string")) mixed.Add(path);
                    }
                }
                foreach (var p in e.EnumerateObject()) Walk(p.Value, $"{path}.{p.Name}");
            }
            else if (e.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in e.EnumerateArray()) Walk(item, $"{path}[{i++}]");
            }
        }
    }

    [Fact]
    public async Task A_wrong_method_is_405()
    {
        await (await fixture.Admin.DeleteAsync("/api/events")).ShouldBeProblem(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_contract_and_the_key_header()
    {
        using var anonymous = fixture.Client(null);
        var document = await (await anonymous.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        foreach (var path in new[] { "/api/keys", "/api/doors", "/api/staff/{staffId}", "/api/staff/{staffId}/faces",
                     "/api/staff/{staffId}/grants/{doorId}", "/api/doors/{doorId}/access", "/api/doors/{doorId}/verify", "/api/events" })
            Assert.Contains($"\"{path}\"", document);
        Assert.Contains("X-Api-Key", document);
        Assert.Contains("image/jpeg", document);

        var page = await anonymous.GetAsync("/scalar");
        await page.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_health_endpoint_answers_without_a_key()
    {
        using var anonymous = fixture.Client(null);
        var response = await anonymous.GetAsync("/health");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
