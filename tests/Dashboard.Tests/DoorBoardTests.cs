using AccessGrid.Grains;

namespace AccessGrid.Dashboard.Tests;

/// <summary>The door board's arithmetic: last-hour counts in minute buckets, the alarm window, history without
/// double counting. No silo needed.</summary>
public sealed class DoorBoardTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 30, TimeSpan.Zero);
    private readonly ManualClock _clock = new(Noon);
    private int _ids;

    [Fact]
    public void Counts_the_last_hour_per_door_and_forgets_older_minutes()
    {
        var board = new DoorBoard(_clock);
        board.Record([Granted("front", Noon.AddMinutes(-59)), Denied("front", Noon.AddMinutes(-30), DecisionReason.UnknownFace),
            Denied("front", Noon.AddMinutes(-2), DecisionReason.NoGrant), Granted("lab", Noon)]);
        board.Record([Granted("front", Noon.AddMinutes(-61))]); // already more than an hour old

        var front = Door(board, "front");
        Assert.Equal((1, 2, 1), (front.Granted, front.Denied, front.Unknown));
        Assert.Equal(DecisionReason.NoGrant, front.Last!.Reason);

        // Half an hour later the two oldest have left the window, and a new decision lands in the bucket the unknown
        // face used an hour before: the bucket starts afresh instead of adding to it.
        _clock.Now = Noon.AddMinutes(30);
        board.Record([Granted("front", _clock.Now)]);
        front = Door(board, "front");
        Assert.Equal((1, 1, 0), (front.Granted, front.Denied, front.Unknown));
        Assert.Equal(["front", "lab"], board.Snapshot().Doors.Select(d => d.DoorId));
    }

    [Fact]
    public void Raises_the_alarm_at_three_denials_within_a_minute_and_lets_it_lapse()
    {
        var board = new DoorBoard(_clock);
        board.Record([Denied("front", Noon.AddSeconds(-50)), Denied("front", Noon.AddSeconds(-20))]);
        Assert.False(Door(board, "front").Alarm);

        board.Record([Denied("front", Noon)]);
        var front = Door(board, "front");
        Assert.True(front.Alarm);
        Assert.Equal(3, front.RecentDenials.Length);

        _clock.Now = Noon.AddSeconds(15); // the first denial is now more than a minute old
        Assert.False(Door(board, "front").Alarm);
        Assert.Equal(3, Door(board, "front").Denied);
    }

    [Fact]
    public void Empty_scenes_are_counted_as_denials_but_never_raise_the_alarm()
    {
        var board = new DoorBoard(_clock);
        board.Record([Denied("front", Noon.AddSeconds(-3), DecisionReason.NoFace), Denied("front", Noon.AddSeconds(-2), DecisionReason.NoFace),
            Denied("front", Noon.AddSeconds(-1), DecisionReason.NoFace), Denied("front", Noon, DecisionReason.NoFace)]);
        var front = Door(board, "front");
        Assert.Equal(4, front.Denied);
        Assert.Empty(front.RecentDenials);
        Assert.False(front.Alarm);
    }

    [Fact]
    public void A_door_whose_requests_are_rate_limited_is_hammered_until_a_minute_after_the_last_refusal()
    {
        var board = new DoorBoard(_clock);
        board.Record([Granted("front", Noon)]);
        Assert.False(Door(board, "front").Alarm);

        board.RecordRateLimited("front");
        board.RecordRateLimited("front");
        _clock.Now = Noon.AddSeconds(10);
        board.RecordRateLimited("front");
        var front = Door(board, "front");
        Assert.True(front.Alarm);
        Assert.Equal(3, front.RateLimited);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(_clock.Now.ToUnixTimeSeconds()), front.LastRateLimited);

        _clock.Now = Noon.AddSeconds(61); // the first two refusals are over a minute old, the third is not
        Assert.Equal(1, Door(board, "front").RateLimited);
        _clock.Now = Noon.AddSeconds(71);
        Assert.False(Door(board, "front").Alarm);
        Assert.Equal(0, Door(board, "front").RateLimited);
    }

    [Fact]
    public void History_read_back_after_a_start_does_not_count_live_decisions_twice()
    {
        var board = new DoorBoard(_clock);
        var live = Denied("front", Noon.AddSeconds(-1));
        board.Record([live]);
        Assert.False(board.Snapshot().HistoryLoaded);

        board.RecordHistory([live, Granted("front", Noon.AddMinutes(-10))]);
        board.CompleteHistory();

        var front = Door(board, "front");
        Assert.Equal((1, 1), (front.Granted, front.Denied));
        Assert.True(board.Snapshot().HistoryLoaded);
    }

    private static DoorSummary Door(DoorBoard board, string doorId) => board.Snapshot().Doors.Single(d => d.DoorId == doorId);

    private Decision Granted(string door, DateTimeOffset at) =>
        new($"e{++_ids}", door, DecisionOutcome.Granted, DecisionReason.Identified, "younes", "Younes", 0.3f, 1, 20, at);

    private Decision Denied(string door, DateTimeOffset at, DecisionReason reason = DecisionReason.UnknownFace) =>
        new($"e{++_ids}", door, DecisionOutcome.Denied, reason, null, null, 0.7f, 1, 20, at);

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
