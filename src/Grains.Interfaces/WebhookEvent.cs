using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

/// <summary>The kinds of event a webhook can subscribe to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookEvent>))]
public enum WebhookEvent
{
    /// <summary>Every door decision, as the live feed shows it.</summary>
    [JsonStringEnumMemberName("decision")] Decision,
    /// <summary>An alarm raised or acknowledged.</summary>
    [JsonStringEnumMemberName("alarm")] Alarm,
    /// <summary>A change recorded in the audit (staff, faces, grants, doors, keys, alarms, webhooks).</summary>
    [JsonStringEnumMemberName("change")] Change,
}
