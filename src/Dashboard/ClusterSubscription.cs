using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;

namespace AccessGrid.Dashboard;

/// <summary>Keeps one of this node's observers subscribed to a cluster-wide grain. Such grains hold subscriptions in
/// memory with an expiry, and their activation can move to another silo, so the subscription is refreshed on a short
/// period rather than made once.</summary>
public abstract class ClusterSubscription<TObserver>(IGrainFactory grains, TObserver observer, ILogger logger) : BackgroundService
    where TObserver : class, IGrainObserver
{
    /// <summary>Short enough that a moved grain is repopulated within seconds, well inside its expiry.</summary>
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes after the first successful subscription.</summary>
    public Task Subscribed => _subscribed.Task;

    private TObserver? _reference;

    /// <summary>Adds or refreshes the subscription of <paramref name="reference"/>.</summary>
    protected abstract Task Subscribe(IGrainFactory grains, TObserver reference);

    /// <summary>Removes the subscription of <paramref name="reference"/>.</summary>
    protected abstract Task Unsubscribe(IGrainFactory grains, TObserver reference);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = RefreshPeriod;
            try
            {
                _reference ??= grains.CreateObjectReference<TObserver>(observer);
                await Subscribe(grains, _reference);
                _subscribed.TrySetResult();
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The silo may still be starting, or the grain moving: try again soon.
                logger.LogWarning(exception, "Subscribing {Subscription} failed; retrying", GetType().Name);
                wait = RetryPeriod;
            }

            try
            {
                await Task.Delay(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_reference is null) return;
        try
        {
            await Unsubscribe(grains, _reference).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception exception)
        {
            // Shutting down: the grain drops the subscription when it expires anyway.
            logger.LogDebug(exception, "Unsubscribing {Subscription} failed", GetType().Name);
        }
        grains.DeleteObjectReference<TObserver>(_reference);
    }
}
