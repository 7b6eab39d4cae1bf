using AccessGrid.Grains;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccessGrid.Dashboard;

/// <summary>Keeps this node's <see cref="HubDecisionObserver"/> subscribed to the cluster-wide relay. The relay holds
/// subscriptions in memory with an expiry, and its activation can move to another silo, so the subscription is
/// refreshed on a short period rather than made once.</summary>
public sealed class DecisionRelaySubscriber(
    IGrainFactory grains,
    HubDecisionObserver observer,
    ILogger<DecisionRelaySubscriber> logger) : BackgroundService
{
    /// <summary>Short enough that a moved relay is repopulated within seconds, well inside its expiry.</summary>
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IDecisionObserver? reference;

    /// <summary>Completes once this node receives decisions: what came before is only in the audit log.</summary>
    public Task Subscribed => _subscribed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var relay = grains.GetGrain<IDecisionRelayGrain>(0);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = RefreshPeriod;
            try
            {
                reference ??= grains.CreateObjectReference<IDecisionObserver>(observer);
                await relay.Subscribe(reference);
                _subscribed.TrySetResult();
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The silo may still be starting, or the relay moving: try again soon.
                logger.LogWarning(exception, "Subscribing the dashboard to the decision relay failed; retrying");
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
        if (reference is null) return;
        try
        {
            await grains.GetGrain<IDecisionRelayGrain>(0).Unsubscribe(reference).AsTask().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception exception)
        {
            // Shutting down: the relay drops the subscription when it expires anyway.
            logger.LogDebug(exception, "Unsubscribing from the decision relay failed");
        }
        grains.DeleteObjectReference<IDecisionObserver>(reference);
    }
}
