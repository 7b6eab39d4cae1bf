using System.Net;
using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;
using AccessGrid.TestSupport;

namespace AccessGrid.Gateway.Tests;

/// <summary>The webhook admin API over HTTP: the destination rule answers 400 with its reason, the secret is shown once
/// and never again, a ping reaches a receiver on 127.0.0.1 signed, the log is readable, only admins may do any of it.</summary>
[Collection(GatewayCollection.Name)]
public sealed class WebhooksApiTests(GatewayFixture fixture)
{
    private sealed record CreatedWebhook(string Secret, string Id, string Url, WebhookEvent[] Events, string Label, AuditActor CreatedBy);

    [Fact]
    public async Task A_webhook_is_registered_pinged_listed_without_its_secret_and_deleted()
    {
        using var receiver = new WebhookReceiver();
        var created = await (await fixture.Admin.PostJson("/api/webhooks", new { url = receiver.Url, events = new[] { "decision", "alarm" }, label = "Guard room PC" }))
            .Read<CreatedWebhook>(HttpStatusCode.Created);
        Assert.Equal([WebhookEvent.Decision, WebhookEvent.Alarm], created.Events);
        Assert.Equal(("Guard room PC", "First admin key"), (created.Label, created.CreatedBy.Label));

        var ping = await (await fixture.Admin.PostAsync($"/api/webhooks/{created.Id}/ping", null)).Read<WebhookAttempt>();
        Assert.Equal((WebhookOutcome.Delivered, 200, "ping"), (ping.Outcome, ping.StatusCode, ping.Event));
        var request = await receiver.Next();
        Assert.True(request.IsSignedWith(created.Secret));

        var list = await (await fixture.Admin.GetAsync("/api/webhooks")).Content.ReadAsStringAsync();
        var deliveries = await (await fixture.Admin.GetAsync($"/api/webhooks/{created.Id}/deliveries")).Content.ReadAsStringAsync();
        Assert.Contains(created.Id, list);
        Assert.Contains("\"delivered\"", deliveries);
        Assert.DoesNotContain(created.Secret, list + deliveries);

        await (await fixture.Admin.DeleteAsync($"/api/webhooks/{created.Id}")).ShouldBe(HttpStatusCode.NoContent);
        await (await fixture.Admin.DeleteAsync($"/api/webhooks/{created.Id}")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_webhook");
        await (await fixture.Admin.GetAsync($"/api/webhooks/{created.Id}/deliveries")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_webhook");
    }

    [Fact]
    public async Task Destinations_events_and_roles_are_refused_with_clear_reasons()
    {
        var outside = await (await fixture.Admin.PostJson("/api/webhooks", new { url = "https://example.com/hook", events = new[] { "change" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "webhook_host_not_allowed");
        Assert.Contains("AccessGrid:Webhooks:AllowedHosts", outside.Detail);
        await (await fixture.Admin.PostJson("/api/webhooks", new { url = "not a url", events = new[] { "change" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_webhook_url");
        await (await fixture.Admin.PostJson("/api/webhooks", new { url = "http://127.0.0.1:9/hook" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_events");
        var unknownEvent = await (await fixture.Admin.PostJson("/api/webhooks", new { url = "http://127.0.0.1:9/hook", events = new[] { "door" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        Assert.Contains("decision", unknownEvent.Detail);

        using var hr = fixture.Client(await fixture.Admin.CreateKey("hr"));
        await (await hr.GetAsync("/api/webhooks")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden_role");
        await (await hr.PostJson("/api/webhooks", new { url = "http://127.0.0.1:9/hook", events = new[] { "change" } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden_role");
    }
}
