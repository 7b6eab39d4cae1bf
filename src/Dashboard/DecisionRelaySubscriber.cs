using AccessGrid.Grains;
using Microsoft.Extensions.Logging;

namespace AccessGrid.Dashboard;

/// <summary>Keeps this node's <see cref="HubDecisionObserver"/> subscribed to the cluster-wide decision relay.
/// <c>Subscribed</c> completes once this node receives decisions: what came before is only in the audit log.</summary>
public sealed class DecisionRelaySubscriber(IGrainFactory grains, HubDecisionObserver observer, ILogger<DecisionRelaySubscriber> logger)
    : ClusterSubscription<IDecisionObserver>(grains, observer, logger)
{
    protected override async Task Subscribe(IGrainFactory grains, IDecisionObserver reference) =>
        await grains.GetGrain<IDecisionRelayGrain>(0).Subscribe(reference);

    protected override async Task Unsubscribe(IGrainFactory grains, IDecisionObserver reference) =>
        await grains.GetGrain<IDecisionRelayGrain>(0).Unsubscribe(reference);
}
