using AccessGrid.Grains;
using Azure.Data.Tables;
using Orleans.Configuration;

namespace AccessGrid.Silo;

public static class OrleansSetup
{
    /// <summary>Cluster membership and endpoints, grains and their storage (Azure Storage or PostgreSQL). Silo-to-silo traffic stays on the
    /// advertised address (loopback by default) and never listens on every interface.</summary>
    public static ISiloBuilder ConfigureAccessGridSilo(this ISiloBuilder silo, SiloSettings settings, IConfiguration configuration)
    {
        // Opened (and migrated) once, before Orleans starts, so a bad connection string stops the silo with one line.
        var database = settings.UsesPostgres ? PostgresStartup.Open(settings.PostgresConnectionString!) : null;
        if (settings.Clustering == ClusteringMode.Localhost)
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
        }
        else
        {
            if (settings.Clustering == ClusteringMode.AzureTable)
                silo.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(settings.StorageConnectionString));
            else
                silo.AddAccessGridPostgresClustering(database!);
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.Configure<ClusterMembershipOptions>(o => o.ProbeTimeout = settings.ProbeTimeout);
        }
        silo.ConfigureEndpoints(settings.AdvertisedAddress, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);

        // Carries the trace context across grain calls, so a decision's trace runs from the HTTP request to the audit.
        silo.AddActivityPropagation();
        silo.AddAccessGridGrains(o => configuration.GetSection("AccessGrid").Bind(o));
        return settings.Storage == StorageProvider.Postgres
            ? silo.AddAccessGridPostgresStorage(database!)
            : silo.AddAccessGridAzureStorage(settings.StorageConnectionString);
    }
}
