using AccessGrid.Grains;

namespace AccessGrid.Gateway.Contracts;

/// <summary>The new webhook and its signing secret, shown this once.</summary>
public sealed record CreatedWebhookResponse(string Secret, string Id, string Url, WebhookEvent[] Events, string Label, DateTimeOffset CreatedAt,
    AuditActor CreatedBy);
