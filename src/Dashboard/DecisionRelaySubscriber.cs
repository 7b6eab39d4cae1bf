using AccessGrid.Grains;
using Microsoft.Extensions.Logging;

namespace AccessGrid.Dashboard;

/// <summary>Keeps this node's <see cref="HubDecisionObserver"/> subscribed to the cluster-wide decision relay.
/// <see cref="ClusterSubscription.Subscribed"/> completes once this node receives decisions: what came before is only
/// in the audit log.</summary>
public sealed class DecisionRelaySubscriber(
    IGrainFactory grains,
    HubDecisionObserver observer,
    ILogger<DecisionRelaySubscriber> logger) : ClusterSubscription(logger)
{
    private IDecisionObserver? reference;

    protected override async Task Subscribe()
    {
        reference ??= grains.CreateObjectReference<IDecisionObserver>(observer);
        await grains.GetGrain<IDecisionRelayGrain>(0).Subscribe(reference);
    }

    protected override async Task Unsubscribe()
    {
        if (reference is null) return;
        try
        {
            await grains.GetGrain<IDecisionRelayGrain>(0).Unsubscribe(reference);
        }
        finally
        {
            grains.DeleteObjectReference<IDecisionObserver>(reference);
        }
    }
}
