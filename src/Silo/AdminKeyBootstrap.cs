using AccessGrid.Grains;

namespace AccessGrid.Silo;

/// <summary>On the very first start (no admin key in the registry yet) creates the admin key, writes it to the admin
/// key file readable by this user only, and prints it once. Registered after the silo, so grains are up when it runs,
/// and before the web server, so the key exists before the first request.</summary>
public sealed class AdminKeyBootstrap(IGrainFactory grains, SiloSettings settings, ILogger<AdminKeyBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var created = await grains.GetGrain<IApiKeyRegistryGrain>(0).CreateBootstrapAdminIfNone();
        if (created is null)
        {
            if (!File.Exists(settings.AdminKeyFile))
                logger.LogWarning("An admin key exists but {File} is missing; use the key you saved on first start.", settings.AdminKeyFile);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.AdminKeyFile))!);
        File.Delete(settings.AdminKeyFile);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        // The key is a secret: owner-only from the moment the file exists.
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var writer = new StreamWriter(settings.AdminKeyFile, options))
        {
            await writer.WriteLineAsync(created.Key);
        }

        Console.WriteLine();
        Console.WriteLine($"  First start: admin API key (shown once, saved to {settings.AdminKeyFile})");
        Console.WriteLine($"    X-Api-Key: {created.Key}");
        Console.WriteLine();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
