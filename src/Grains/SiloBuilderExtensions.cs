using AccessGrid.Vision;
using AccessGrid.Vision.Liveness;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessGrid.Grains;

/// <summary>What a silo needs to host the AccessGrid grains: their services, then one of the two storage setups.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Options, clock and the frame analysis queue (the models load on first use, once per silo).</summary>
    public static ISiloBuilder AddAccessGridGrains(this ISiloBuilder silo, Action<AccessGridOptions>? configure = null)
    {
        var services = silo.Services;
        var options = services.AddOptions<AccessGridOptions>();
        if (configure is not null) options.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new FrameAnalysisQueue(
            () => FacePipeline.Load(sp.GetRequiredService<IOptions<AccessGridOptions>>().Value.ModelsDirectory),
            sp.GetRequiredService<ILogger<FrameAnalysisQueue>>(),
            loadScorer: () => MiniFasNetScorer.Load(sp.GetRequiredService<IOptions<AccessGridOptions>>().Value.ModelsDirectory)));
        return silo;
    }

    /// <summary>Grain state in Azure Table storage, index snapshots in Blob storage, the audit log as Table rows.
    /// "UseDevelopmentStorage=true" means Azurite.</summary>
    public static ISiloBuilder AddAccessGridAzureStorage(this ISiloBuilder silo, string connectionString)
    {
        foreach (var name in StorageNames.All)
            silo.AddAzureTableGrainStorage(name, o => o.TableServiceClient = new TableServiceClient(connectionString));
        silo.Services.AddSingleton<IAuditStore>(_ => new TableAuditStore(new TableClient(connectionString, TableAuditStore.DefaultTable)));
        silo.Services.AddSingleton<IIndexSnapshotStore>(_ => new BlobIndexSnapshotStore(
            new BlobContainerClient(connectionString, BlobIndexSnapshotStore.DefaultContainer)));
        return silo;
    }

    /// <summary>Everything in process memory (tests, demos): nothing survives a restart.
    /// Pass shared stores to let several silos of one process see the same audit log and snapshots.</summary>
    public static ISiloBuilder AddAccessGridMemoryStorage(this ISiloBuilder silo, IAuditStore? audit = null, IIndexSnapshotStore? snapshots = null)
    {
        foreach (var name in StorageNames.All) silo.AddMemoryGrainStorage(name);
        silo.Services.AddSingleton(audit ?? new InMemoryAuditStore());
        silo.Services.AddSingleton(snapshots ?? new InMemoryIndexSnapshotStore());
        return silo;
    }
}
