namespace AccessGrid.Grains.Webhooks;

/// <summary>The JSON body of every delivery. <paramref name="Data"/> is the decision, alarm or audit entry in the API's
/// own JSON.</summary>
/// <param name="Id">The delivery id (also in X-AccessGrid-Delivery; the same on every retry).</param>
/// <param name="Event">"decision", "alarm", "change" or "ping".</param>
/// <param name="CreatedAt">When the event happened (not when this attempt was sent).</param>
internal sealed record WebhookPayload(string Id, string Event, DateTimeOffset CreatedAt, object Data);
