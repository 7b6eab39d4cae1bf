using AccessGrid.Grains;

namespace AccessGrid.Gateway.Contracts;

/// <summary>Body of <c>POST /api/webhooks</c>: where to POST (loopback or a host in AccessGrid:Webhooks:AllowedHosts),
/// which events (decision, alarm, change) and, optionally, what it is for (at most 100 characters). The server generates
/// the signing secret.</summary>
public sealed record CreateWebhookRequest(string? Url, WebhookEvent[]? Events, string? Label = null);
