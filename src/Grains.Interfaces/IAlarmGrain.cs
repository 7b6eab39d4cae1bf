namespace AccessGrid.Grains;

/// <summary>The cluster's alarms (single activation, key 0): raised from the decisions the relay publishes, shared by
/// every node, acknowledged by guards with a note, kept as history.</summary>
[Alias("AccessGrid.IAlarmGrain")]
public interface IAlarmGrain : IGrainWithIntegerKey
{
    /// <summary>Applies the alarm rules to a batch of decisions (called by the decision relay).</summary>
    ValueTask Observe(Decision[] decisions);

    /// <summary>Alarms newest first: only the open ones, or the history (open and acknowledged), at most
    /// <paramref name="limit"/>.</summary>
    ValueTask<Alarm[]> List(bool openOnly, int limit);

    /// <summary>Closes an open alarm with the guard's note; audited with the acting key
    /// (unknown_alarm, alarm_acknowledged, invalid_note).</summary>
    ValueTask<Alarm> Acknowledge(string alarmId, string note);

    /// <summary>The door's thresholds (the defaults until set).</summary>
    ValueTask<AlarmThresholds> GetThresholds(string doorId);

    /// <summary>Sets a door's thresholds; audited (unknown_door, invalid_thresholds).</summary>
    ValueTask<AlarmThresholds> SetThresholds(string doorId, AlarmThresholds thresholds);
}
