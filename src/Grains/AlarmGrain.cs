using System.Text.Json;
using AccessGrid.Grains.Webhooks;

namespace AccessGrid.Grains;

/// <summary>The cluster's one alarm list (key 0). Every decision reaches it once, through the decision relay, so every
/// node's dashboard sees the same alarms. The recent events each window needs are kept in memory only: after a
/// failover a window starts afresh, the alarms themselves are persisted. "alarm" webhooks hear of each alarm when it is
/// raised and when it is acknowledged.</summary>
public sealed class AlarmGrain(
    [PersistentState("alarms", StorageNames.Alarms)] IPersistentState<AlarmState> state,
    TimeProvider clock,
    WebhookDispatcher webhooks) : Grain, IAlarmGrain
{
    /// <summary>History kept: enough for weeks of a small site, small enough for one storage row.</summary>
    public const int MaxKept = 500;
    public const int MaxNoteLength = 500;

    private readonly Dictionary<(string Door, AlarmKind Kind), List<DateTimeOffset>> _recent = [];
    private readonly List<Alarm> _raised = [];

    private AlarmState S => state.State;

    public async ValueTask Observe(Decision[] decisions)
    {
        var changed = false;
        foreach (var decision in decisions)
        {
            var thresholds = Thresholds(decision.DoorId);
            if (AlarmRules.IsSpoof(decision)) changed |= Raise(decision, AlarmKind.SpoofSuspected, 1);
            if (AlarmRules.IsUnknownFace(decision)) changed |= Count(decision, AlarmKind.UnknownFace, thresholds.UnknownFaces, thresholds);
            if (AlarmRules.CountsTowardBurst(decision)) changed |= Count(decision, AlarmKind.DenialBurst, thresholds.Denials, thresholds);
        }
        if (!changed) return;
        try
        {
            await state.WriteStateAsync();
            webhooks.Publish(WebhookEvent.Alarm, _raised);
        }
        finally
        {
            _raised.Clear();
        }
    }

    public ValueTask<Alarm[]> List(bool openOnly, int limit)
    {
        if (limit is < 1 or > MaxKept) throw AccessGridException.Invalid("invalid_query", $"limit must be between 1 and {MaxKept}.");
        var alarms = Enumerable.Reverse(S.Alarms).Where(a => !openOnly || a.IsOpen).Take(limit).ToArray();
        return ValueTask.FromResult(alarms);
    }

    public async ValueTask<Alarm> Acknowledge(string alarmId, string note)
    {
        note = note?.Trim() ?? "";
        if (note.Length is 0 or > MaxNoteLength || note.Any(char.IsControl))
            throw AccessGridException.Invalid("invalid_note", $"Write what was done: 1–{MaxNoteLength} characters, no control characters.");
        var index = S.Alarms.FindIndex(a => a.Id == alarmId);
        if (index < 0) throw new AccessGridException(AccessGridError.NotFound, "unknown_alarm", $"Alarm '{alarmId}' does not exist.");
        var alarm = S.Alarms[index];
        if (!alarm.IsOpen) throw AccessGridException.Conflict("alarm_acknowledged", $"Alarm '{alarmId}' was already acknowledged.");

        var actor = AuditActors.Current();
        var closed = alarm with { AcknowledgedAt = clock.GetUtcNow(), AcknowledgedBy = actor, Note = note };
        S.Alarms[index] = closed;
        await state.WriteStateAsync();
        webhooks.Publish(WebhookEvent.Alarm, [closed]);
        await AuditLog.Change(GrainFactory, "alarm.acknowledged", alarm.DoorId, null,
            $"Alarm {alarm.Id} ({JsonSerializer.Serialize(alarm.Kind).Trim('"')}, {alarm.Count}×) acknowledged: {note}");
        return closed;
    }

    public ValueTask<AlarmThresholds> GetThresholds(string doorId) => ValueTask.FromResult(Thresholds(doorId));

    public async ValueTask<AlarmThresholds> SetThresholds(string doorId, AlarmThresholds thresholds)
    {
        AlarmRules.Validate(thresholds);
        if (await GrainFactory.GetGrain<IDoorGrain>(doorId).GetInfo() is null) throw AccessGridException.UnknownDoor(doorId);
        S.Thresholds[doorId] = thresholds;
        await state.WriteStateAsync();
        await AuditLog.Change(GrainFactory, "alarm.thresholds", doorId, null,
            $"Alarm at {thresholds.UnknownFaces} unknown face(s) or {thresholds.Denials} denial(s) within {thresholds.WindowSeconds} s.");
        return thresholds;
    }

    private AlarmThresholds Thresholds(string doorId) => S.Thresholds.GetValueOrDefault(doorId) ?? AlarmThresholds.Default;

    /// <summary>Counts the decision in its door's window; raises (or adds to) the alarm once the threshold is met.</summary>
    private bool Count(Decision decision, AlarmKind kind, int threshold, AlarmThresholds thresholds)
    {
        if (!_recent.TryGetValue((decision.DoorId, kind), out var recent)) _recent[(decision.DoorId, kind)] = recent = [];
        var since = decision.Timestamp - TimeSpan.FromSeconds(thresholds.WindowSeconds);
        recent.RemoveAll(t => t <= since);
        recent.Add(decision.Timestamp);
        return recent.Count >= threshold && Raise(decision, kind, recent.Count);
    }

    /// <summary>Adds the decision to the door's open alarm of this kind, or opens one.</summary>
    private bool Raise(Decision decision, AlarmKind kind, int count)
    {
        var index = S.Alarms.FindLastIndex(a => a.IsOpen && a.DoorId == decision.DoorId && a.Kind == kind);
        if (index >= 0)
        {
            var open = S.Alarms[index];
            S.Alarms[index] = open with { Count = open.Count + 1, LastAt = decision.Timestamp, LastEventId = decision.EventId };
            return true;
        }
        var raised = new Alarm($"alarm-{++S.LastId}", decision.DoorId, kind, AlarmRules.Severity(kind), decision.Timestamp,
            decision.Timestamp, count, decision.EventId, null, null, null);
        S.Alarms.Add(raised);
        _raised.Add(raised);
        // The oldest acknowledged alarms make room; open ones are never dropped.
        while (S.Alarms.Count > MaxKept && S.Alarms.FindIndex(a => !a.IsOpen) is var oldest and >= 0) S.Alarms.RemoveAt(oldest);
        return true;
    }
}
