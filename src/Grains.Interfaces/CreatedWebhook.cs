namespace AccessGrid.Grains;

/// <summary>A freshly registered webhook: the only time its signing secret is shown.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.CreatedWebhook")]
public sealed record CreatedWebhook(
    [property: Id(0)] string Secret,
    [property: Id(1)] WebhookInfo Info);
