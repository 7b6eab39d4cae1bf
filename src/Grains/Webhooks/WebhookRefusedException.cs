namespace AccessGrid.Grains.Webhooks;

/// <summary>A delivery not sent because its host resolved to an address webhooks may not reach.</summary>
internal sealed class WebhookRefusedException(string message) : Exception(message);
