using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

/// <summary>How one delivery attempt ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookOutcome>))]
public enum WebhookOutcome
{
    /// <summary>The receiver answered 2xx.</summary>
    [JsonStringEnumMemberName("delivered")] Delivered,
    /// <summary>Failed (network error, timeout, 408, 429 or 5xx); another attempt follows.</summary>
    [JsonStringEnumMemberName("retrying")] Retrying,
    /// <summary>Failed for good: another 4xx, or the last attempt failed.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
    /// <summary>Not sent: the host resolved to an address that is neither loopback nor allowed.</summary>
    [JsonStringEnumMemberName("refused")] Refused,
}
