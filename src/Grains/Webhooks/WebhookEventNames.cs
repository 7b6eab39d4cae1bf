using System.Text.Json;

namespace AccessGrid.Grains.Webhooks;

internal static class WebhookEventNames
{
    /// <summary>The event's JSON name ("decision"), as receivers and metrics see it.</summary>
    public static string WireName(this WebhookEvent kind) => JsonSerializer.Serialize(kind).Trim('"');
}
