using AccessGrid.Grains;

namespace AccessGrid.Dashboard;

/// <summary>This node's door board: every decision the relay delivers is counted here, so the Doors page gets its
/// last-hour counters and alarms from one small snapshot however many decisions a door sees. After a start the last
/// hour is read back from the audit log; decisions that arrive live meanwhile are not counted twice.</summary>
public sealed class DoorBoard(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DoorActivity> _doors = new(StringComparer.Ordinal);
    private HashSet<string>? _liveWhileLoading = new(StringComparer.Ordinal);

    public bool HistoryLoaded
    {
        get { lock (_lock) return _liveWhileLoading is null; }
    }

    /// <summary>Counts decisions as they happen.</summary>
    public void Record(IEnumerable<Decision> decisions)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            foreach (var decision in decisions)
            {
                _liveWhileLoading?.Add(decision.EventId);
                Activity(decision.DoorId).Add(decision, now);
            }
        }
    }

    /// <summary>Counts a decision this node's rate limit refused at the door: the tile shows the door as hammered.
    /// Refusals are seen by the node that refused them only (they are not decisions, so the relay does not carry them).</summary>
    public void RecordRateLimited(string doorId)
    {
        var now = clock.GetUtcNow();
        lock (_lock) Activity(doorId).AddRateLimited(now);
    }

    /// <summary>Counts decisions read back from the audit log, skipping those already counted live.</summary>
    public void RecordHistory(IEnumerable<Decision> decisions)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            foreach (var decision in decisions)
            {
                if (_liveWhileLoading?.Contains(decision.EventId) == true) continue;
                Activity(decision.DoorId).Add(decision, now);
            }
        }
    }

    /// <summary>The history is in: from now on every decision arrives live only.</summary>
    public void CompleteHistory()
    {
        lock (_lock) _liveWhileLoading = null;
    }

    public DoorBoardView Snapshot()
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            var doors = _doors.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Value.Summarize(d.Key, now)).ToArray();
            return new DoorBoardView(AlarmRule.Threshold, (int)AlarmRule.Window.TotalSeconds, _liveWhileLoading is null, doors);
        }
    }

    private DoorActivity Activity(string doorId)
    {
        if (!_doors.TryGetValue(doorId, out var activity)) _doors[doorId] = activity = new DoorActivity();
        return activity;
    }
}
