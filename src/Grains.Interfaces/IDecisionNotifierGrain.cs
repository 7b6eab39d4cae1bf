using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>Local, batching hop between doors and the relay (stateless worker): collects decisions for a few
/// milliseconds and forwards them in one message.</summary>
[Alias("AccessGrid.IDecisionNotifierGrain")]
public interface IDecisionNotifierGrain : IGrainWithIntegerKey
{
    /// <summary>Queues a decision for the next batch.</summary>
    [OneWay]
    ValueTask Notify(Decision decision);
}
