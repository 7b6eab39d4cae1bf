using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

/// <summary>How urgently a guard should look: a spoof attempt is critical, a burst of denials high, a stranger a warning.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlarmSeverity>))]
public enum AlarmSeverity
{
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("high")] High,
    [JsonStringEnumMemberName("critical")] Critical,
}
