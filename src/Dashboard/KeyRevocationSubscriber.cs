using AccessGrid.Grains;
using Microsoft.Extensions.Logging;

namespace AccessGrid.Dashboard;

/// <summary>Keeps this node's <see cref="HubKeyRevocationObserver"/> subscribed to the key registry, so a revocation
/// anywhere closes this node's connections of that key at once.</summary>
public sealed class KeyRevocationSubscriber(IGrainFactory grains, HubKeyRevocationObserver observer, ILogger<KeyRevocationSubscriber> logger)
    : ClusterSubscription<IKeyRevocationObserver>(grains, observer, logger)
{
    protected override async Task Subscribe(IGrainFactory grains, IKeyRevocationObserver reference) =>
        await grains.GetGrain<IApiKeyRegistryGrain>(0).Subscribe(reference);

    protected override async Task Unsubscribe(IGrainFactory grains, IKeyRevocationObserver reference) =>
        await grains.GetGrain<IApiKeyRegistryGrain>(0).Unsubscribe(reference);
}
