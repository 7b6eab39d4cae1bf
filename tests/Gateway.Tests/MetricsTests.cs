using System.Net;
using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;
using SkiaSharp;

namespace AccessGrid.Gateway.Tests;

/// <summary>The Prometheus endpoint: open on loopback, and it counts what happened (decisions by reason, vision stage
/// times, refused keys).</summary>
[Collection(GatewayCollection.Name)]
public sealed class MetricsTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Metrics_count_decisions_stages_and_refused_keys()
    {
        await fixture.Admin.CreateDoor("metrics-door");
        var decision = await fixture.Admin.Access("metrics-door", BlankPng(), "image/png");
        Assert.Equal(DecisionReason.NoFace, decision.Reason);
        using (var wrong = fixture.Client("not-a-key"))
            await (await wrong.GetAsync("/api/doors")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_api_key");

        using var anonymous = fixture.Client(null);
        var response = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Matches("""accessgrid_decisions_total\{[^}]*reason="no_face"[^}]*\} [1-9]""", text);
        Assert.Contains("accessgrid_vision_stage_duration_milliseconds_bucket{", text);
        Assert.Matches("""accessgrid_auth_failures_total\{[^}]*reason="invalid_api_key"[^}]*\} [1-9]""", text);
    }

    private static byte[] BlankPng()
    {
        using var bitmap = new SKBitmap(320, 240);
        bitmap.Erase(new SKColor(128, 128, 128));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
