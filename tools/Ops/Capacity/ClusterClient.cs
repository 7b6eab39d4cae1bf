using AccessGrid.Ops.Drills;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace AccessGrid.Ops.Capacity;

/// <summary>An Orleans client joined to a <see cref="DrillCluster"/> (Azure Table membership), so a tool can call the
/// product's grains as the gateway does: what it writes goes through the grains' own rules and stores.</summary>
public sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClient(IHost host) => _host = host;

    public IClusterClient Grains => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ClusterClient> Connect(DrillCluster cluster, CancellationToken ct)
    {
        var host = new HostBuilder()
            .UseOrleansClient(client => client
                .UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(cluster.ConnectionString))
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = cluster.ClusterId;
                    o.ServiceId = cluster.ClusterId;
                })
                // A filling call may queue behind a measurement's backlog and a multi-second save of a large store:
                // wait for it rather than give up after Orleans' default 30 s (which left a fill half done).
                .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5)))
            .Build();
        await host.StartAsync(ct);
        return new ClusterClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
