using System.Diagnostics.Metrics;
using System.Text.Json;
using AccessGrid.Grains.Webhooks;
using AccessGrid.TestSupport;

namespace AccessGrid.Grains.Tests.Webhooks;

/// <summary>Webhooks end to end on one silo: a receiver on 127.0.0.1 gets signed decisions, alarms and changes; failures
/// are retried with back-off on the fake clock until delivered or given up; the destination rule; the bounded queue;
/// secrets stay out of answers and logs.</summary>
[Collection(WebhookClusterCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookClusterFixture fixture) : IAsyncLifetime
{
    private readonly List<string> _webhooks = [];
    private readonly List<WebhookReceiver> _receivers = [];

    private IWebhookRegistryGrain Registry => fixture.Client.GetGrain<IWebhookRegistryGrain>(0);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var id in _webhooks) await Registry.Delete(id);
        foreach (var receiver in _receivers) receiver.Dispose();
    }

    [Fact]
    public async Task A_decision_reaches_the_receiver_signed_over_timestamp_and_body()
    {
        var receiver = Receiver();
        var created = await Register(receiver, WebhookEvent.Decision);
        Assert.StartsWith("whsec_", created.Secret);

        var decision = Decision("front-door");
        await fixture.Client.GetGrain<IDecisionRelayGrain>(0).Publish([decision]);

        var request = await receiver.Next();
        Assert.Equal("POST", request.Method);
        Assert.Equal("decision", request.Headers["X-AccessGrid-Event"]);
        var timestamp = VerifySignature(created.Secret, request);
        Assert.Equal(fixture.Clock.GetUtcNow().ToUnixTimeSeconds(), timestamp);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("decision", body.RootElement.GetProperty("event").GetString());
        Assert.Equal(request.Headers["X-AccessGrid-Delivery"], body.RootElement.GetProperty("id").GetString());
        var data = body.RootElement.GetProperty("data");
        Assert.Equal((decision.EventId, "denied", "unknown_face"),
            (data.GetProperty("eventId").GetString(), data.GetProperty("decision").GetString(), data.GetProperty("reason").GetString()));

        // A body changed in transit, or an old timestamp replayed with the body, no longer matches the signature.
        Assert.NotEqual(ReceivedRequest.Mac(created.Secret, timestamp, [.. request.Body, (byte)' ']), request.Signature.V1);
        Assert.NotEqual(ReceivedRequest.Mac(created.Secret, timestamp - 600, request.Body), request.Signature.V1);

        var attempt = Assert.Single(await WaitForLog(created.Info.Id, 1));
        Assert.Equal((WebhookOutcome.Delivered, 200, 1, "decision"), (attempt.Outcome, attempt.StatusCode, attempt.Attempt, attempt.Event));
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_growing_waits_on_the_clock_until_it_answers()
    {
        var receiver = Receiver(500, 503);
        var created = await Register(receiver, WebhookEvent.Decision);
        await fixture.Client.GetGrain<IDecisionRelayGrain>(0).Publish([Decision("side-door")]);

        var first = await receiver.Next();
        Assert.Equal(500, first.AnsweredWith);
        await WaitForLog(created.Info.Id, 1);
        // The first retry waits 10 s ± 20 %, the second 25 s ± 20 %.
        fixture.Clock.Advance(TimeSpan.FromSeconds(10 * 1.2 + 1));
        var second = await receiver.Next();
        Assert.Equal(503, second.AnsweredWith);
        await WaitForLog(created.Info.Id, 2);
        fixture.Clock.Advance(TimeSpan.FromSeconds(25 * 1.2 + 1));
        var third = await receiver.Next();
        Assert.Equal(200, third.AnsweredWith);

        var log = await WaitForLog(created.Info.Id, 3);
        Assert.Equal([WebhookOutcome.Delivered, WebhookOutcome.Retrying, WebhookOutcome.Retrying], log.Select(a => a.Outcome));
        Assert.Equal([200, 503, 500], log.Select(a => a.StatusCode ?? 0));
        Assert.Equal([3, 2, 1], log.Select(a => a.Attempt));
        Assert.Single(log.Select(a => a.DeliveryId).Distinct());
        // Every attempt is signed afresh at its own time, over the same body.
        Assert.True(VerifySignature(created.Secret, third) > VerifySignature(created.Secret, first));
        Assert.Equal(first.Body, third.Body);
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_is_given_up_after_six_attempts_over_about_eleven_minutes()
    {
        var receiver = Receiver();
        receiver.Always = 500;
        var created = await Register(receiver, WebhookEvent.Decision);
        await fixture.Client.GetGrain<IDecisionRelayGrain>(0).Publish([Decision("back-door")]);

        var waited = TimeSpan.Zero;
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await receiver.Next();
            await WaitForLog(created.Info.Id, attempt);
            if (attempt == 6) break;
            var wait = TimeSpan.FromSeconds(10 * Math.Pow(2.5, attempt - 1) * 1.2 + 1);
            fixture.Clock.Advance(wait);
            waited += wait;
        }
        var log = await Registry.Deliveries(created.Info.Id, 10);
        Assert.Equal((WebhookOutcome.Failed, 6, 500), (log[0].Outcome, log[0].Attempt, log[0].StatusCode));
        Assert.All(log.Skip(1), a => Assert.Equal(WebhookOutcome.Retrying, a.Outcome));
        Assert.InRange(waited.TotalMinutes, 10, 14);
    }

    [Fact]
    public async Task Alarms_and_changes_are_delivered_and_webhook_changes_are_audited_with_the_actor()
    {
        var receiver = Receiver();
        var created = await Register(receiver, WebhookEvent.Alarm, WebhookEvent.Change);

        var door = $"door-{Guid.NewGuid():N}"[..20];
        await fixture.Client.GetGrain<IAlarmGrain>(0).Observe([Decision(door) with { Reason = DecisionReason.SpoofSuspected }]);
        var alarm = await NextOf(receiver, "alarm");
        Assert.Equal((door, "spoof_suspected"), (alarm.GetProperty("doorId").GetString(), alarm.GetProperty("kind").GetString()));

        AuditActors.Set("k-admin", "Site admin");
        string other;
        try
        {
            other = (await Registry.Create("http://localhost:9/other", [WebhookEvent.Decision], "Other")).Info.Id;
            await Registry.Delete(other);
        }
        finally
        {
            RequestContext.Clear();
        }
        var createdChange = await NextOf(receiver, "change");
        Assert.Equal("webhook.created", createdChange.GetProperty("action").GetString());
        Assert.Equal("Site admin", createdChange.GetProperty("actor").GetProperty("label").GetString());
        Assert.Contains(other, createdChange.GetProperty("detail").GetString());
        var deletedChange = await NextOf(receiver, "change");
        Assert.Equal(("webhook.deleted", "k-admin"),
            (deletedChange.GetProperty("action").GetString(), deletedChange.GetProperty("actor").GetProperty("keyId").GetString()));
        Assert.Equal("k-admin", created.Info.CreatedBy.KeyId);
    }

    [Theory]
    [InlineData("https://example.com/hook", "webhook_host_not_allowed")]
    [InlineData("http://10.0.0.7/hook", "webhook_host_not_allowed")]
    [InlineData("http://169.254.169.254/latest/meta-data", "webhook_host_not_allowed")]
    [InlineData("http://hooks.example.test.evil.example/hook", "webhook_host_not_allowed")]
    [InlineData("ftp://127.0.0.1/hook", "invalid_webhook_url")]
    [InlineData("/relative/hook", "invalid_webhook_url")]
    [InlineData("http://user:pw@127.0.0.1/hook", "invalid_webhook_url")]
    [InlineData("", "invalid_webhook_url")]
    public async Task Destinations_other_than_loopback_and_allowed_hosts_are_refused_with_a_reason(string url, string reason)
    {
        var refused = await Assert.ThrowsAsync<AccessGridException>(() => Registry.Create(url, [WebhookEvent.Decision], null).AsTask());
        Assert.Equal((AccessGridError.Invalid, reason), (refused.Kind, refused.Reason));
        if (reason == "webhook_host_not_allowed") Assert.Contains("AccessGrid:Webhooks:AllowedHosts", refused.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://[::1]:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("https://HOOKS.example.test/incoming?site=hq")]
    public async Task Loopback_and_configured_hosts_are_accepted(string url)
    {
        var created = await Registry.Create(url, [WebhookEvent.Change, WebhookEvent.Change], null);
        _webhooks.Add(created.Info.Id);
        Assert.Equal([WebhookEvent.Change], created.Info.Events);
    }

    [Fact]
    public async Task No_events_an_unknown_webhook_and_a_bad_limit_are_refused()
    {
        var none = await Assert.ThrowsAsync<AccessGridException>(() => Registry.Create("http://127.0.0.1/hook", [], null).AsTask());
        Assert.Equal("invalid_events", none.Reason);
        var unknown = await Assert.ThrowsAsync<AccessGridException>(() => Registry.Deliveries("wh-nope", 10).AsTask());
        Assert.Equal((AccessGridError.NotFound, "unknown_webhook"), (unknown.Kind, unknown.Reason));
        var created = await Register(Receiver(), WebhookEvent.Change);
        var limit = await Assert.ThrowsAsync<AccessGridException>(() => Registry.Deliveries(created.Info.Id, 0).AsTask());
        Assert.Equal("invalid_query", limit.Reason);
        Assert.False(await Registry.Delete("wh-nope"));
    }

    [Fact]
    public async Task A_ping_answers_at_once_and_is_logged()
    {
        var receiver = Receiver(500);
        var created = await Register(receiver, WebhookEvent.Alarm);

        var failed = await Registry.Ping(created.Info.Id);
        Assert.Equal((WebhookOutcome.Failed, 500), (failed.Outcome, failed.StatusCode));
        var ok = await Registry.Ping(created.Info.Id);
        Assert.Equal((WebhookOutcome.Delivered, 200, "ping"), (ok.Outcome, ok.StatusCode, ok.Event));
        Assert.Equal("ping", (await receiver.Next()).Headers["X-AccessGrid-Event"]);
        VerifySignature(created.Secret, await receiver.Next());
        Assert.Equal(2, (await Registry.Deliveries(created.Info.Id, 10)).Length);

        // Nobody listening: an error that says so, no status.
        receiver.Dispose();
        var down = await Registry.Ping(created.Info.Id);
        Assert.Equal((WebhookOutcome.Failed, (int?)null), (down.Outcome, down.StatusCode));
        Assert.False(string.IsNullOrEmpty(down.Error));
    }

    [Fact]
    public async Task A_receiver_that_is_down_fills_its_bounded_queue_and_further_events_are_dropped_and_counted()
    {
        var receiver = Receiver();
        receiver.Always = 500;
        var created = await Register(receiver, WebhookEvent.Decision);
        var dropped = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GrainMetrics.MeterName && instrument.Name == "accessgrid.webhook.deliveries") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: "outcome", Value: "dropped" }) Interlocked.Add(ref dropped, value);
        });
        listener.Start();

        var relay = fixture.Client.GetGrain<IDecisionRelayGrain>(0);
        for (var i = 0; i < WebhookClusterFixture.MaxPending + 2; i++) await relay.Publish([Decision("loading-bay")]);

        // The first MaxPending deliveries are tried (and wait to retry); the two after them are dropped.
        for (var i = 0; i < WebhookClusterFixture.MaxPending; i++) await receiver.Next();
        await WaitFor(() => Interlocked.Read(ref dropped) >= 2);
        Assert.Equal(2, Interlocked.Read(ref dropped));
        Assert.Contains("dropped", fixture.Log.Text);
        Assert.Contains(created.Info.Id, fixture.Log.Text);
    }

    [Fact]
    public async Task Secrets_are_never_in_answers_or_logs()
    {
        var receiver = Receiver(500);
        var created = await Register(receiver, WebhookEvent.Decision, WebhookEvent.Change);
        await fixture.Client.GetGrain<IDecisionRelayGrain>(0).Publish([Decision("lobby")]);
        await receiver.Next();
        await WaitForLog(created.Info.Id, 1);
        await Registry.Ping(created.Info.Id);

        var answers = JsonSerializer.Serialize(new object[] { await Registry.List(), await Registry.Deliveries(created.Info.Id, 100) });
        Assert.Contains(created.Info.Id, answers);
        Assert.DoesNotContain(created.Secret, answers);
        Assert.DoesNotContain(created.Secret[6..], answers);
        Assert.DoesNotContain(created.Secret[6..], fixture.Log.Text);
        Assert.DoesNotContain(created.Secret[6..], JsonSerializer.Serialize(await Registry.List()));
    }

    private WebhookReceiver Receiver(params int[] statuses)
    {
        var receiver = new WebhookReceiver(statuses);
        _receivers.Add(receiver);
        return receiver;
    }

    private async Task<CreatedWebhook> Register(WebhookReceiver receiver, params WebhookEvent[] events)
    {
        AuditActors.Set("k-admin", "Site admin");
        try
        {
            var created = await Registry.Create(receiver.Url, events, "test receiver");
            _webhooks.Add(created.Info.Id);
            return created;
        }
        finally
        {
            RequestContext.Clear();
        }
    }

    /// <summary>The data of the next delivery of <paramref name="kind"/> (other kinds, e.g. earlier tests' changes, skipped).</summary>
    private static async Task<JsonElement> NextOf(WebhookReceiver receiver, string kind)
    {
        while (true)
        {
            var request = await receiver.Next();
            if (request.Headers["X-AccessGrid-Event"] != kind) continue;
            return JsonDocument.Parse(request.Body).RootElement.GetProperty("data").Clone();
        }
    }

    /// <summary>Waits until the log holds <paramref name="count"/> attempts: the dispatcher has then also set up its next wait.</summary>
    private async Task<WebhookAttempt[]> WaitForLog(string webhookId, int count)
    {
        WebhookAttempt[] log = [];
        await WaitFor(async () => (log = await Registry.Deliveries(webhookId, 100)).Length >= count);
        return log;
    }

    private static Task WaitFor(Func<bool> condition) => WaitFor(() => Task.FromResult(condition()));

    private static async Task WaitFor(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the dispatcher.");
            await Task.Delay(10);
        }
    }

    /// <summary>Checks the signature as a receiver would and returns its timestamp.</summary>
    private static long VerifySignature(string secret, ReceivedRequest request)
    {
        Assert.True(request.IsSignedWith(secret), "the signature does not match");
        return request.Signature.T;
    }

    private Decision Decision(string door) =>
        new($"wh-test-{Guid.NewGuid():N}", door, DecisionOutcome.Denied, DecisionReason.UnknownFace, null, null, null, 1, 10, fixture.Clock.GetUtcNow());
}
