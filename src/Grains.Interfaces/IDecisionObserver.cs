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
