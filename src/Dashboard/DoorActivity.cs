using AccessGrid.Grains;

namespace AccessGrid.Dashboard;

/// <summary>One door's last hour, in one-minute buckets (so memory stays constant however busy the door is), plus the
/// instants of its denials in the last alarm window, its refusals by the rate limit in that window and its newest decision. Not thread-safe: <see cref="DoorBoard"/>
/// serialises access.</summary>
public sealed class DoorActivity
{
    private const int Minutes = 60;
    private readonly long[] _minute = new long[Minutes];
    private readonly int[] _granted = new int[Minutes];
    private readonly int[] _denied = new int[Minutes];
    private readonly int[] _unknown = new int[Minutes];
    private readonly List<DateTimeOffset> _recentDenials = [];
    // Refusals by the rate limit, counted per second so a hammered door costs at most one entry a second.
    private readonly List<(long Second, int Count)> _rateLimited = [];

    public Decision? Last { get; private set; }

    public void Add(Decision decision, DateTimeOffset now)
    {
        if (decision.Timestamp <= now - TimeSpan.FromMinutes(Minutes)) return;
        if (Last is null || decision.Timestamp > Last.Timestamp) Last = decision;

        var minute = MinuteOf(decision.Timestamp);
        var slot = (int)(minute % Minutes);
        if (_minute[slot] != minute)
        {
            // The slot held a minute more than an hour old: start it afresh.
            (_minute[slot], _granted[slot], _denied[slot], _unknown[slot]) = (minute, 0, 0, 0);
        }
        if (decision.IsGranted) _granted[slot]++;
        else _denied[slot]++;
        if (decision.Reason == DecisionReason.UnknownFace) _unknown[slot]++;

        // An empty scene (no_face) is not a denial of anyone: cameras post them all the time.
        if (!decision.IsGranted && decision.Reason != DecisionReason.NoFace && decision.Timestamp > now - AlarmRule.Window)
            _recentDenials.Add(decision.Timestamp);
    }

    /// <summary>A decision for this door was refused by a rate limit.</summary>
    public void AddRateLimited(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        if (_rateLimited.Count > 0 && _rateLimited[^1].Second == second) _rateLimited[^1] = (second, _rateLimited[^1].Count + 1);
        else _rateLimited.Add((second, 1));
    }

    public DoorSummary Summarize(string doorId, DateTimeOffset now)
    {
        var oldest = MinuteOf(now) - Minutes + 1;
        int granted = 0, denied = 0, unknown = 0;
        for (var slot = 0; slot < Minutes; slot++)
        {
            if (_minute[slot] < oldest) continue;
            granted += _granted[slot];
            denied += _denied[slot];
            unknown += _unknown[slot];
        }
        _recentDenials.RemoveAll(t => t <= now - AlarmRule.Window);
        var recent = _recentDenials.Order().ToArray();
        _rateLimited.RemoveAll(r => r.Second <= (now - AlarmRule.Window).ToUnixTimeSeconds());
        var rateLimited = _rateLimited.Sum(r => r.Count);
        DateTimeOffset? lastRateLimited = _rateLimited.Count > 0 ? DateTimeOffset.FromUnixTimeSeconds(_rateLimited[^1].Second) : null;
        return new DoorSummary(doorId, Last, granted, denied, unknown, recent, rateLimited, lastRateLimited,
            AlarmRule.IsRaised(recent.Length) || AlarmRule.IsHammered(rateLimited));
    }

    private static long MinuteOf(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / 60;
}
