using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>The cluster's webhooks (single activation, key 0): registration with the destination rule, the signing
/// secrets, and each webhook's delivery log. Deliveries themselves are made by every silo's dispatcher.</summary>
[Alias("AccessGrid.IWebhookRegistryGrain")]
public interface IWebhookRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Registers a webhook and generates its secret (returned this once); audited with the acting key
    /// (invalid_webhook_url, webhook_host_not_allowed, invalid_events, invalid_request).</summary>
    ValueTask<CreatedWebhook> Create(string url, WebhookEvent[] events, string? label);

    /// <summary>Every webhook, oldest first, without secrets.</summary>
    ValueTask<WebhookInfo[]> List();

    /// <summary>Deletes a webhook and its log; audited. False when there is no such webhook.</summary>
    ValueTask<bool> Delete(string webhookId);

    /// <summary>Sends one signed "ping" now (no retries) and returns how it went; logged like any delivery
    /// (unknown_webhook). Interleaves: a slow receiver does not hold up the registry.</summary>
    [AlwaysInterleave]
    ValueTask<WebhookAttempt> Ping(string webhookId);

    /// <summary>The webhook's last attempts, newest first, at most <paramref name="limit"/> (unknown_webhook, invalid_query).</summary>
    ValueTask<WebhookAttempt[]> Deliveries(string webhookId, int limit);

    /// <summary>The webhooks subscribed to <paramref name="kind"/>, with their secrets (dispatchers only).</summary>
    ValueTask<WebhookTarget[]> Targets(WebhookEvent kind);

    /// <summary>Adds an attempt to a webhook's log (dispatchers only; ignored for a deleted webhook).</summary>
    [OneWay]
    ValueTask Record(string webhookId, WebhookAttempt attempt);
}
