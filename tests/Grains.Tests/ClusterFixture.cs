using Orleans.TestingHost;

namespace AccessGrid.Grains.Tests;

/// <summary>Two in-process silos with memory grain storage. The audit log and index snapshots are shared between
/// the silos, as Table and Blob storage would be. Tests use distinct grain keys, so they share one cluster.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>Not the default of 4: proves that index administration follows the configuration.</summary>
    public const int IndexShards = 5;

    public InMemoryAuditStore Audit { get; } = new();
    public InMemoryIndexSnapshotStore Snapshots { get; } = new();
    public InMemoryFaceImageStore Faces { get; } = new();
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo
            .AddAccessGridGrains(o =>
            {
                o.SnapshotDelay = TimeSpan.FromMilliseconds(200);
                o.IndexShards = IndexShards;
            })
            .AddAccessGridMemoryStorage(Audit, Snapshots, faces: Faces));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>A grain key no other test uses.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
