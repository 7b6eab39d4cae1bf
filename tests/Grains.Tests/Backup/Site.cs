using Orleans.TestingHost;

namespace AccessGrid.Grains.Tests.Backup;

/// <summary>A site of its own: one in-process silo with empty memory storage, so a backup or a restore sees exactly what
/// the test put there (the shared <see cref="ClusterFixture"/> holds every other test's people).</summary>
public sealed class Site(InProcessTestCluster cluster) : IAsyncDisposable
{
    public IClusterClient Client => cluster.Client;

    public ISiteBackupGrain Backup => Client.GetGrain<ISiteBackupGrain>(0);

    /// <param name="modelsDirectory">Another models folder (another recognition net); null: the installed models.</param>
    public static async Task<Site> Start(string? modelsDirectory = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo
            .AddAccessGridGrains(o =>
            {
                o.IndexShards = 3;
                if (modelsDirectory is not null) o.ModelsDirectory = modelsDirectory;
            })
            .AddAccessGridMemoryStorage());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new Site(cluster);
    }

    /// <summary>Every person as stored, by id.</summary>
    public async Task<StaffRecord[]> People() => (await Backup.ExportStaff(null, 1000)).People;

    public async ValueTask DisposeAsync() => await cluster.DisposeAsync();
}
