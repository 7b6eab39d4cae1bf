using System.Net.Sockets;

namespace AccessGrid.LocalRun;

/// <summary>A private Azurite (the repository's pinned tools/azurite) on 127.0.0.1, its output in
/// <c>&lt;location&gt;.log</c>. Disposing kills it (kill -9: it forgets the writes of its last few seconds, as it saves
/// tables every 5 s) and deletes a temporary storage folder; <see cref="Stop"/> lets it save its tables first. A new
/// process on the same <see cref="AzuriteStorage"/> finds the data again.</summary>
public sealed class AzuriteProcess : IDisposable, IAsyncDisposable
{
    private readonly ChildProcess _process;

    private AzuriteProcess(ChildProcess process, AzuriteStorage storage)
    {
        _process = process;
        Storage = storage;
    }

    public AzuriteStorage Storage { get; }

    public string ConnectionString => Storage.ConnectionString;

    public string LogFile => _process.LogFile;

    public static string ScriptPath(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "tools", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>Starts Azurite on <paramref name="storage"/> (default: <see cref="AzuriteStorage.Scratch"/>) and returns
    /// once its three ports accept connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot, AzuriteStorage? storage = null, TimeSpan? timeout = null,
        CancellationToken ct = default)
    {
        var script = ScriptPath(repositoryRoot);
        if (!File.Exists(script))
            throw new FileNotFoundException($"Azurite is not installed ({script} is missing): run `npm ci` in tools/azurite (./accessgrid up and test do it).", script);
        storage ??= AzuriteStorage.Scratch();
        Directory.CreateDirectory(storage.Location);
        var process = new ChildProcess("azurite", "node",
        [
            script, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--location", storage.Location,
            "--blobHost", "127.0.0.1", "--blobPort", $"{storage.BlobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{storage.QueuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{storage.TablePort}",
        ], storage.Location.TrimEnd('/') + ".log", new Dictionary<string, string> { ["AZURITE_ACCOUNTS"] = $"{storage.Account}:{storage.AccountKey}" });
        var azurite = new AzuriteProcess(process, storage);
        try
        {
            await azurite.WaitForPorts(timeout ?? TimeSpan.FromSeconds(60), ct);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGTERM (Azurite saves its tables), SIGKILL after <paramref name="grace"/>; the data stays. True when
    /// it exited on its own.</summary>
    public bool Stop(TimeSpan grace) => _process.Stop(grace);

    public void Dispose()
    {
        _process.Dispose();
        if (!Storage.Temporary) return;
        try
        {
            Directory.Delete(Storage.Location, recursive: true);
            File.Delete(LogFile);
        }
        catch (IOException)
        {
            // A file still being released: the temp folder is cleaned by the OS eventually; not worth failing a run.
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitForPorts(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in new[] { Storage.BlobPort, Storage.QueuePort, Storage.TablePort })
        {
            while (!await Accepts(port, ct))
            {
                if (_process.HasExited) throw new InvalidOperationException($"Azurite exited during start-up:\n{LogTail()}");
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"Azurite did not open 127.0.0.1:{port} within {timeout.TotalSeconds:F0} s:\n{LogTail()}");
                await Task.Delay(100, ct);
            }
        }
    }

    private static async Task<bool> Accepts(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string LogTail()
    {
        try { return string.Join('\n', File.ReadLines(LogFile).TakeLast(20)); }
        catch (IOException) { return $"(see {LogFile})"; }
    }
}
