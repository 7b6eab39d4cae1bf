using System.Threading.Channels;

namespace AccessGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RelayTests(ClusterFixture fixture)
{
    private sealed class Collector : IDecisionObserver
    {
        public Channel<Decision> Received { get; } = Channel.CreateUnbounded<Decision>();

        public Task OnDecisions(Decision[] decisions)
        {
            foreach (var d in decisions) Received.Writer.TryWrite(d);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Subscribed_observers_receive_every_decision_from_any_silo()
    {
        var collector = new Collector();
        var reference = fixture.Client.CreateObjectReference<IDecisionObserver>(collector);
        var relay = fixture.Client.GetGrain<IDecisionRelayGrain>(0);
        await relay.Subscribe(reference);
        try
        {
            var s = new Scenario(fixture.Client);
            var doors = new[] { await s.NewDoor(), await s.NewDoor(), await s.NewDoor() };
            var noFace = new AnalysedFrame(FrameProblem.NoFace, "No face found.", 640, 480, [], 0);
            var decisions = await Task.WhenAll(doors.Select(d => d.Access(noFace).AsTask()));

            var expected = decisions.Select(d => d.EventId).ToHashSet();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (expected.Count > 0)
                expected.Remove((await collector.Received.Reader.ReadAsync(timeout.Token)).EventId);
        }
        finally
        {
            await relay.Unsubscribe(reference);
        }
    }
}
