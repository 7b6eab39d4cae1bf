namespace AccessGrid.Grains.Tests;

/// <summary>The alarm rules on decisions as the relay delivers them: unknown faces, denial bursts (never empty scenes),
/// counting on the open alarm, acknowledgement with a note and the acting key, per-door thresholds.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AlarmGrainTests(ClusterFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly Scenario _s = new(fixture.Client);
    private IAlarmGrain Alarms => fixture.Client.GetGrain<IAlarmGrain>(0);
    private int _events;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _s.EraseAll();

    [Fact]
    public async Task Unknown_faces_and_denial_bursts_raise_alarms_empty_scenes_never_do()
    {
        var door = (await _s.NewDoor()).GetPrimaryKeyString();

        await Alarms.Observe([.. Enumerable.Range(0, 5).Select(i => Denied(door, DecisionReason.NoFace, Noon.AddSeconds(i)))]);
        Assert.Empty(await OpenAt(door));

        await Alarms.Observe([Denied(door, DecisionReason.UnknownFace, Noon.AddSeconds(10))]);
        var unknown = Assert.Single(await OpenAt(door));
        Assert.Equal((AlarmKind.UnknownFace, AlarmSeverity.Warning, 1), (unknown.Kind, unknown.Severity, unknown.Count));

        // Two more denials within the minute: with the unknown face that is three, a burst; the stranger's alarm counts on.
        await Alarms.Observe([Denied(door, DecisionReason.UnknownFace, Noon.AddSeconds(20)), Denied(door, DecisionReason.NoGrant, Noon.AddSeconds(30))]);
        var open = await OpenAt(door);
        Assert.Equal(2, open.Length);
        Assert.Equal(2, open.Single(a => a.Kind == AlarmKind.UnknownFace).Count);
        var burst = open.Single(a => a.Kind == AlarmKind.DenialBurst);
        Assert.Equal((AlarmSeverity.High, 3), (burst.Severity, burst.Count));
    }

    [Fact]
    public async Task Acknowledging_needs_a_note_records_the_acting_key_and_the_next_event_opens_a_new_alarm()
    {
        var door = (await _s.NewDoor()).GetPrimaryKeyString();
        await Alarms.Observe([Denied(door, DecisionReason.UnknownFace, Noon)]);
        var alarm = Assert.Single(await OpenAt(door));

        var empty = await Assert.ThrowsAsync<AccessGridException>(() => Alarms.Acknowledge(alarm.Id, "  ").AsTask());
        Assert.Equal("invalid_note", empty.Reason);

        AuditActors.Set("k-guard", "Guard desk");
        try
        {
            var closed = await Alarms.Acknowledge(alarm.Id, "Visitor without a badge; escorted to reception.");
            Assert.False(closed.IsOpen);
            Assert.Equal("Guard desk", closed.AcknowledgedBy!.Label);
        }
        finally
        {
            RequestContext.Clear();
        }
        var twice = await Assert.ThrowsAsync<AccessGridException>(() => Alarms.Acknowledge(alarm.Id, "again").AsTask());
        Assert.Equal((AccessGridError.Conflict, "alarm_acknowledged"), (twice.Kind, twice.Reason));
        Assert.Equal("unknown_alarm", (await Assert.ThrowsAsync<AccessGridException>(() => Alarms.Acknowledge("alarm-none", "x").AsTask())).Reason);

        await Alarms.Observe([Denied(door, DecisionReason.UnknownFace, Noon.AddSeconds(5))]);
        Assert.NotEqual(alarm.Id, Assert.Single(await OpenAt(door)).Id);
        var history = (await Alarms.List(openOnly: false, 500)).Where(a => a.DoorId == door).ToArray();
        Assert.Equal(2, history.Length);
        Assert.Contains(history, a => a.Note == "Visitor without a badge; escorted to reception.");
    }

    [Fact]
    public async Task Thresholds_are_per_door_and_validated()
    {
        var door = (await _s.NewDoor()).GetPrimaryKeyString();
        Assert.Equal(AlarmThresholds.Default, await Alarms.GetThresholds(door));
        await Alarms.SetThresholds(door, new AlarmThresholds(UnknownFaces: 2, Denials: 10, WindowSeconds: 30));

        await Alarms.Observe([Denied(door, DecisionReason.UnknownFace, Noon)]);
        Assert.Empty(await OpenAt(door));
        await Alarms.Observe([Denied(door, DecisionReason.UnknownFace, Noon.AddSeconds(40))]); // the first left the 30 s window
        Assert.Empty(await OpenAt(door));
        await Alarms.Observe([Denied(door, DecisionReason.UnknownFace, Noon.AddSeconds(50))]);
        Assert.Equal(AlarmKind.UnknownFace, Assert.Single(await OpenAt(door)).Kind);

        Assert.Equal("invalid_thresholds", (await Assert.ThrowsAsync<AccessGridException>(() =>
            Alarms.SetThresholds(door, new AlarmThresholds(0, 3, 60)).AsTask())).Reason);
        Assert.Equal("unknown_door", (await Assert.ThrowsAsync<AccessGridException>(() =>
            Alarms.SetThresholds(ClusterFixture.NewId("nodoor"), AlarmThresholds.Default).AsTask())).Reason);
    }

    private async Task<Alarm[]> OpenAt(string door) => (await Alarms.List(openOnly: true, 500)).Where(a => a.DoorId == door).ToArray();

    private Decision Denied(string door, DecisionReason reason, DateTimeOffset at) =>
        new($"alarm-test-{Guid.NewGuid():N}-{++_events}", door, DecisionOutcome.Denied, reason, null, null, null, 1, 10, at);
}
