using AccessGrid.Grains.Webhooks;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace AccessGrid.Grains;

/// <summary>Fans decision batches out to every web node's observer. Observers expire after a few minutes unless they
/// re-subscribe, so a node that died stops costing messages. Webhooks get every decision from here too: handing them to
/// this silo's dispatcher only queues them.</summary>
public sealed class DecisionRelayGrain(WebhookDispatcher webhooks, ILogger<DecisionRelayGrain> logger) : Grain, IDecisionRelayGrain
{
    private readonly ObserverManager<IDecisionObserver> _observers = new(TimeSpan.FromMinutes(5), logger);

    public ValueTask Subscribe(IDecisionObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return ValueTask.CompletedTask;
    }

    public ValueTask Unsubscribe(IDecisionObserver observer)
    {
        _observers.Unsubscribe(observer);
        return ValueTask.CompletedTask;
    }

    public async ValueTask Publish(Decision[] decisions)
    {
        if (decisions.Length == 0) return;
        // Alarms first, so a page that reacts to a decision already finds its alarm; a failing alarm grain must not
        // stop the live feed.
        try
        {
            await GrainFactory.GetGrain<IAlarmGrain>(0).Observe(decisions);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Alarm rules could not see {Count} decisions", decisions.Length);
        }
        _ = _observers.Notify(o => o.OnDecisions(decisions));
        webhooks.Publish(WebhookEvent.Decision, decisions);
    }
}
