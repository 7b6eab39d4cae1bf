namespace AccessGrid.Grains.Webhooks;

/// <summary>Persisted webhooks (storage "webhooks"): each with its secret (needed to sign, so it cannot be hashed), and
/// each webhook's recent attempts, newest last.</summary>
[GenerateSerializer, Alias("AccessGrid.WebhookState")]
public sealed class WebhookState
{
    [Id(0)] public Dictionary<string, StoredWebhook> Webhooks { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public Dictionary<string, List<WebhookAttempt>> Log { get; set; } = new(StringComparer.Ordinal);
}
