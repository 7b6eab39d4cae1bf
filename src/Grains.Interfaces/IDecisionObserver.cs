using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>Receives decisions as they happen; one per web node (the dashboard subscribes it to the relay).</summary>
[Alias("AccessGrid.IDecisionObserver")]
public interface IDecisionObserver : IGrainObserver
{
    /// <summary>A batch of decisions, oldest first.</summary>
    [OneWay]
    Task OnDecisions(Decision[] decisions);
}

/// <summary>Local, batching hop between doors and the relay (stateless worker): collects decisions for a few
/// milliseconds and forwards them in one message.</summary>
[Alias("AccessGrid.IDecisionNotifierGrain")]
public interface IDecisionNotifierGrain : IGrainWithIntegerKey
{
    /// <summary>Queues a decision for the next batch.</summary>
    [OneWay]
    ValueTask Notify(Decision decision);
}

/// <summary>Fans decisions out to every subscribed observer (single activation, key 0). Subscriptions expire:
/// observers re-subscribe periodically.</summary>
[Alias("AccessGrid.IDecisionRelayGrain")]
public interface IDecisionRelayGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or refreshes a subscription.</summary>
    ValueTask Subscribe(IDecisionObserver observer);

    /// <summary>Removes a subscription.</summary>
    ValueTask Unsubscribe(IDecisionObserver observer);

    /// <summary>Sends a batch to every observer.</summary>
    ValueTask Publish(Decision[] decisions);
}
