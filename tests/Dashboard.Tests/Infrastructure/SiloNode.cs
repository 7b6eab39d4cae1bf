using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AccessGrid.Dashboard.Tests.Infrastructure;

/// <summary>One real host (Orleans silo + gateway + dashboard on Kestrel), built by the same code as Program.cs, on free
/// loopback ports. Nodes sharing a storage account and cluster id form one cluster through Azure Table membership.</summary>
public sealed class SiloNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SiloNode(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where a browser reaches this node's pages and API.</summary>
    public Uri Address { get; }

    public static async Task<SiloNode> StartAsync(string storageConnectionString, string clusterId, string adminKeyFile)
    {
        var ports = FreePort.Take(2);
        var app = AccessGridHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:AzureStorage={storageConnectionString}",
            "--Silo:Clustering=AzureTable",
            $"--Silo:ClusterId={clusterId}",
            $"--Silo:ServiceId={clusterId}",
            $"--Silo:SiloPort={ports[0]}",
            $"--Silo:GatewayPort={ports[1]}",
            $"--AccessGrid:AdminKeyFile={adminKeyFile}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SiloNode(app, new Uri(address));
    }

    public HttpClient Client(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
