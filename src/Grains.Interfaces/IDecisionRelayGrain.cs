namespace AccessGrid.Grains;

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
