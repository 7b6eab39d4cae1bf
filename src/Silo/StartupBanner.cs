using AccessGrid.Dashboard;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AccessGrid.Silo;

/// <summary>Prints where everything is once the web server listens (the real port when 0 was asked for).</summary>
public sealed class StartupBanner(IServer server, IHostApplicationLifetime lifetime, SiloSettings settings) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var root = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? settings.Urls;
        Console.WriteLine($"""

          AccessGrid is up
            Dashboard       {root}/
            API             {root}/api
            API reference   {root}/scalar/
            OpenAPI         {root}/openapi/v1.json
            Health          {root}/health
            Orleans         {root}{DashboardExtensions.OrleansDashboardPath}
            Storage         {settings.StorageDescription}
            Silo            {settings.AdvertisedAddress}:{settings.SiloPort} (gateway {settings.GatewayPort}), {settings.Clustering} clustering, cluster '{settings.ClusterId}'
            Admin key file  {settings.AdminKeyFile}

        """);
    }
}
