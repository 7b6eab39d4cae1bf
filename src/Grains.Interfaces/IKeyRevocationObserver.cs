using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>Hears about revoked keys as they are revoked; one per web node (the dashboard subscribes it to the key
/// registry), so each node can close the live connections those keys opened on it.</summary>
[Alias("AccessGrid.IKeyRevocationObserver")]
public interface IKeyRevocationObserver : IGrainObserver
{
    /// <summary>These key ids no longer authenticate anything.</summary>
    [OneWay]
    Task OnKeysRevoked(string[] keyIds);
}
