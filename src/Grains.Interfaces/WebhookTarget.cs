namespace AccessGrid.Grains;

/// <summary>What a silo's dispatcher needs to deliver to a webhook, secret included. Cluster-internal: the API never
/// returns it.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.WebhookTarget")]
public sealed record WebhookTarget(
    [property: Id(0)] string Id,
    [property: Id(1)] Uri Url,
    [property: Id(2)] string Secret);
