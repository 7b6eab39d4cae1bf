using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>Collects decisions on the local silo and forwards them to the relay in batches (every 15 ms, or at 100),
/// so a busy site sends a few messages per second to the relay instead of one per frame.</summary>
[StatelessWorker(1), Reentrant]
public sealed class DecisionNotifierGrain : Grain, IDecisionNotifierGrain
{
    private const int MaxBatch = 100;
    private static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(15);

    private readonly List<Decision> _pending = [];
    private Task _flushing = Task.CompletedTask;
    private IGrainTimer? _timer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _timer = this.RegisterGrainTimer(_ => Flush(), new GrainTimerCreationOptions(FlushEvery, FlushEvery) { Interleave = true });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        await Flush();
    }

    public ValueTask Notify(Decision decision)
    {
        _pending.Add(decision);
        if (_pending.Count >= MaxBatch) _ = Flush();
        return ValueTask.CompletedTask;
    }

    private async Task Flush()
    {
        await _flushing; // one publish in flight keeps batches in order
        if (_pending.Count == 0) return;
        var batch = _pending.ToArray();
        _pending.Clear();
        _flushing = GrainFactory.GetGrain<IDecisionRelayGrain>(0).Publish(batch).AsTask();
        await _flushing;
    }
}
