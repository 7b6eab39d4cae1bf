namespace AccessGrid.Grains;

/// <summary>Persisted alarms (storage "alarms"): the recent history, newest last, and each door's thresholds.</summary>
[GenerateSerializer, Alias("AccessGrid.AlarmState")]
public sealed class AlarmState
{
    [Id(0)] public List<Alarm> Alarms { get; set; } = [];
    [Id(1)] public Dictionary<string, AlarmThresholds> Thresholds { get; set; } = new(StringComparer.Ordinal);
    [Id(2)] public long LastId { get; set; }
}
