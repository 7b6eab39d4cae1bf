using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

[JsonConverter(typeof(JsonStringEnumConverter<DecisionOutcome>))]
public enum DecisionOutcome
{
    [JsonStringEnumMemberName("granted")] Granted,
    [JsonStringEnumMemberName("denied")] Denied,
}
