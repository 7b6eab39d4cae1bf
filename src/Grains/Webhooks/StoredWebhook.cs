namespace AccessGrid.Grains.Webhooks;

/// <summary>A webhook as the registry stores it: what the API shows, and the secret it never shows again.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.StoredWebhook")]
public sealed record StoredWebhook(
    [property: Id(0)] WebhookInfo Info,
    [property: Id(1)] string Secret);
