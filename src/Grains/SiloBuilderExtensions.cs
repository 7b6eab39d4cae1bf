using AccessGrid.Vision;
using AccessGrid.Vision.Liveness;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using AccessGrid.Grains.Postgres;
using AccessGrid.Grains.Webhooks;
using Npgsql;
using Orleans.Storage;
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
        services.TryAddSingleton<RecognitionModel>();
        services.AddHostedService<AuditHousekeepingService>();
        services.AddHostedService<StaffDirectoryWarmup>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddHostedService<FaceImageHousekeepingService>();
        return silo;
    }

    /// <summary>Grain state in Azure Table storage, index snapshots in Blob storage, the audit log as Table rows and its
    /// closed days as compressed blobs, face images (decision snapshots, enrollment thumbnails) as blobs.
    /// "UseDevelopmentStorage=true" means Azurite.</summary>
    public static ISiloBuilder AddAccessGridAzureStorage(this ISiloBuilder silo, string connectionString)
    {
        foreach (var name in StorageNames.All)
            silo.AddAzureTableGrainStorage(name, o =>
            {
                o.TableServiceClient = new TableServiceClient(connectionString);
                // Erasure and door removal clear state: delete the row, do not leave an empty one keyed by the id.
                o.DeleteStateOnClear = true;
            });
        silo.Services.AddSingleton<IAuditStore>(_ => new TableAuditStore(new TableClient(connectionString, TableAuditStore.DefaultTable)));
        silo.Services.AddSingleton<IIndexSnapshotStore>(_ => new BlobIndexSnapshotStore(
            new BlobContainerClient(connectionString, BlobIndexSnapshotStore.DefaultContainer)));
        silo.Services.AddSingleton<IAuditArchive>(_ => new BlobAuditArchive(new BlobContainerClient(connectionString, BlobAuditArchive.DefaultContainer)));
        silo.Services.AddSingleton<IFaceImageStore>(_ => new BlobFaceImageStore(new BlobContainerClient(connectionString, BlobFaceImageStore.DefaultContainer)));
        return silo;
    }

    /// <summary>Grain state, the audit (with its archived days) and index snapshots in PostgreSQL. The schema must be
    /// migrated first (<see cref="Postgres.PostgresSchema.Migrate"/>, done by the silo at start).</summary>
    public static ISiloBuilder AddAccessGridPostgresStorage(this ISiloBuilder silo, NpgsqlDataSource database)
    {
        foreach (var name in StorageNames.All)
            silo.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new PostgresGrainStorage(name, database, sp.GetRequiredService<IGrainStorageSerializer>()));
        silo.Services.AddSingleton<IAuditStore>(new PostgresAuditStore(database));
        silo.Services.AddSingleton<IAuditArchive>(new PostgresAuditArchive(database));
        silo.Services.AddSingleton<IIndexSnapshotStore>(new PostgresIndexSnapshotStore(database));
        silo.Services.AddSingleton<IFaceImageStore>(new PostgresFaceImageStore(database));
        silo.AddIncomingGrainCallFilter<PostgresFailureFilter>();
        return silo;
    }

    /// <summary>Cluster membership in PostgreSQL (<see cref="PostgresMembershipTable"/>), in the same database and schema as
    /// the storage: silos sharing the database and cluster id form one cluster.</summary>
    public static ISiloBuilder AddAccessGridPostgresClustering(this ISiloBuilder silo, NpgsqlDataSource database)
    {
        silo.Services.AddSingleton<IMembershipTable>(sp => ActivatorUtilities.CreateInstance<PostgresMembershipTable>(sp, database));
        return silo;
    }

    /// <summary>Everything in process memory (tests, demos): nothing survives a restart.
    /// Pass shared stores to let several silos of one process see the same audit log, snapshots and face images.</summary>
    public static ISiloBuilder AddAccessGridMemoryStorage(this ISiloBuilder silo, IAuditStore? audit = null, IIndexSnapshotStore? snapshots = null,
        IAuditArchive? archive = null, IFaceImageStore? faces = null)
    {
        silo.Services.AddSingleton(faces ?? new InMemoryFaceImageStore());
        silo.Services.AddSingleton(archive ?? new InMemoryAuditArchive());
        foreach (var name in StorageNames.All) silo.AddMemoryGrainStorage(name);
        silo.Services.AddSingleton(audit ?? new InMemoryAuditStore());
        silo.Services.AddSingleton(snapshots ?? new InMemoryIndexSnapshotStore());
        return silo;
    }
}
