using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using AccessGrid.TestSupport;

namespace AccessGrid.Gateway.Tests.Infrastructure;

/// <summary>A private Azurite (from tools/azurite/node_modules) on free loopback ports with its data in a temporary
/// folder; killed and cleaned up on dispose.</summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account (public, documented by Microsoft; not a secret).
    private const string Account = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private AzuriteProcess(Process process, StringBuilder output, string location, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _output = output;
        Location = location;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public string Location { get; }
    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{Account};QueueEndpoint=http://127.0.0.1:{QueuePort}/{Account};"
        + $"TableEndpoint=http://127.0.0.1:{TablePort}/{Account};";

    public static string ScriptPath =>
        Path.Combine(RepoPaths.RepositoryRoot, "tools", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");

    public static async Task<AzuriteProcess> StartAsync(TimeSpan? timeout = null)
    {
        if (!File.Exists(ScriptPath))
            throw new InvalidOperationException($"Azurite is not installed ({ScriptPath} is missing): run ./accessgrid test (installs azurite).");

        var location = Directory.CreateTempSubdirectory("accessgrid-azurite-").FullName;
        var ports = FreePort.Take(3);
        var (blob, queue, table) = (ports[0], ports[1], ports[2]);
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = location,
        };
        foreach (var arg in new[]
                 {
                     ScriptPath, "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--location", location,
                     "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
                     "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
                     "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
                 })
            start.ArgumentList.Add(arg);

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(process, output, location, blob, queue, table);
        try
        {
            await azurite.WaitForPorts(timeout ?? TimeSpan.FromSeconds(30));
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    private async Task WaitForPorts(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (!await Accepts(port))
            {
                if (_process.HasExited) throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}:\n{Output}");
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"Azurite did not open port {port} within {timeout.TotalSeconds} s:\n{Output}");
                await Task.Delay(100);
            }
        }
    }

    private static async Task<bool> Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Location, recursive: true);
        }
        catch (IOException)
        {
            // A file still being released: the temp folder is cleaned by the OS eventually; not worth failing a test.
        }
    }
}
