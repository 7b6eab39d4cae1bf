using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace AccessGrid.Grains.Tests.Policy;

/// <summary>One silo with memory storage, no models and a fake clock standing on a fixed Wednesday morning: decisions
/// are fed synthetic analysed frames, so the whole policy runs in a few seconds and never depends on today's date.</summary>
public sealed class PolicyClusterFixture : IAsyncLifetime
{
    /// <summary>Wednesday 4 March 2026, 10:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            // Registered before the grains' default (TryAdd), so every grain's clock is this one.
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.AddAccessGridGrains().AddAccessGridMemoryStorage();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class PolicyClusterCollection : ICollectionFixture<PolicyClusterFixture>
{
    public const string Name = "policy";
}
