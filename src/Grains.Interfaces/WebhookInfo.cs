namespace AccessGrid.Grains;

/// <summary>What the registry shows about a webhook: never its secret.</summary>
/// <param name="Id">Public id ("wh-…"), for deleting, pinging and reading deliveries.</param>
/// <param name="Url">Where deliveries are POSTed (loopback or a configured host).</param>
/// <param name="Events">The event kinds it receives.</param>
/// <param name="Label">What it is for, e.g. "Building management".</param>
/// <param name="CreatedBy">The key that registered it.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.WebhookInfo")]
public sealed record WebhookInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] WebhookEvent[] Events,
    [property: Id(3)] string Label,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] AuditActor CreatedBy);
