using AccessGrid.Grains;

namespace AccessGrid.Silo;

/// <summary>On the very first start (no admin key in the registry yet) creates the admin key, writes it to the admin
/// key file readable by this user only, and shows it once on an interactive terminal (never to a redirected stdout or a
/// log). Registered after the silo, so grains are up when it runs, and before the web server, so the key exists before
/// the first request.</summary>
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

        await WriteOwnerOnly(settings.AdminKeyFile, created.Key);

        Announce(Console.Out, interactive: !Console.IsOutputRedirected, settings.AdminKeyFile, created.Key);
    }

    /// <summary>Tells where the key is. A secret must not end up in a captured log: only a person at a terminal
    /// (<paramref name="interactive"/>) sees the key itself; anything else is told to read the file.</summary>
    public static void Announce(TextWriter output, bool interactive, string keyFile, string key)
    {
        output.WriteLine();
        if (interactive)
        {
            output.WriteLine($"  First start: admin API key (shown once, also saved to {keyFile})");
            output.WriteLine($"    X-Api-Key: {key}");
        }
        else
        {
            output.WriteLine($"  First start: an admin API key was created and saved to {keyFile} (readable by this user only).");
        }
        output.WriteLine();
    }

    /// <summary>Writes the key to a temporary file that is owner-only from the moment it exists, then renames it into
    /// place, so the key file is never seen half-written or with wider permissions.</summary>
    private static async Task WriteOwnerOnly(string path, string key)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            await using (var writer = new StreamWriter(temporary, options))
            {
                await writer.WriteLineAsync(key);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
