using AccessGrid.Client;
using AccessGrid.LocalRun;
using AccessGrid.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AccessGrid.Gateway.Tests.Infrastructure;

/// <summary>One real host (Orleans silo + gateway + dashboard on Kestrel), built by the same code as Program.cs, on free
/// loopback ports, with its storage in the given Azurite. Shared as source with the dashboard tests.</summary>
public sealed class SiloHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SiloHost(WebApplication app, Uri address, string adminKey)
    {
        _app = app;
        Address = address;
        AdminKey = adminKey;
    }

    /// <summary>Where a client or browser reaches this host's pages and API.</summary>
    public Uri Address { get; }

    /// <summary>The host's services (the silo's included), for tests that reach storage as the silo does.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The key the cluster's first host printed and wrote on its first start (read back from the file).</summary>
    public string AdminKey { get; }

    /// <summary>Starts a host. Without <paramref name="clusterId"/> it is a lone silo (localhost clustering); with one, hosts
    /// sharing the storage account and cluster id form one cluster through Azure Table membership.
    /// <paramref name="settings"/> are more command-line settings (e.g. <c>--AccessGrid:RateLimits:DecisionQueue=0</c>).</summary>
    public static async Task<SiloHost> StartAsync(string storageConnectionString, string adminKeyFile, string? clusterId = null,
        IEnumerable<string>? settings = null)
    {
        var ports = FreePorts.Take(2);
        List<string> args =
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:AzureStorage={storageConnectionString}",
            $"--Silo:SiloPort={ports[0]}",
            $"--Silo:GatewayPort={ports[1]}",
            $"--AccessGrid:AdminKeyFile={adminKeyFile}",
            "--Logging:LogLevel:Default=Warning",
        ];
        if (clusterId is not null)
        {
            args.Add("--Silo:Clustering=AzureTable");
            args.Add($"--Silo:ClusterId={clusterId}");
            args.Add($"--Silo:ServiceId={clusterId}");
        }
        args.AddRange(settings ?? []);
        var app = AccessGridHost.Build([.. args]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var adminKey = (await File.ReadAllTextAsync(adminKeyFile)).Trim();
        return new SiloHost(app, new Uri(address), adminKey);
    }

    /// <summary>A client sending <paramref name="apiKey"/> (none when null).</summary>
    public HttpClient Client(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>The typed API client sending <paramref name="apiKey"/> (none when null).</summary>
    public AccessGridClient Api(string? apiKey) => AccessGridClient.Create(Address, apiKey, TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
