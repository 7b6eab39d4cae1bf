using AccessGrid.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AccessGrid.Gateway.Tests.Infrastructure;

/// <summary>The real host (Orleans silo + gateway on Kestrel) built by the same code as Program.cs, on free loopback
/// ports, with its storage in the given Azurite.</summary>
public sealed class SiloHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SiloHost(WebApplication app, Uri address, string adminKey)
    {
        _app = app;
        Address = address;
        AdminKey = adminKey;
    }

    public Uri Address { get; }

    /// <summary>The key the host printed and wrote on its first start (read back from the file).</summary>
    public string AdminKey { get; }

    public static async Task<SiloHost> StartAsync(string storageConnectionString, string adminKeyFile)
    {
        var ports = FreePort.Take(2);
        var app = AccessGridHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:AzureStorage={storageConnectionString}",
            $"--Silo:SiloPort={ports[0]}",
            $"--Silo:GatewayPort={ports[1]}",
            $"--AccessGrid:AdminKeyFile={adminKeyFile}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var adminKey = (await File.ReadAllTextAsync(adminKeyFile)).Trim();
        return new SiloHost(app, new Uri(address), adminKey);
    }

    public HttpClient CreateClient(string? apiKey)
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
