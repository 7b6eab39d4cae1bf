using System.Diagnostics;

namespace AccessGrid.LocalRun;

/// <summary>A private, throw-away PostgreSQL cluster for tests and drills: Debian's server binaries
/// (/usr/lib/postgresql/N/bin), a data folder of its own, bound to 127.0.0.1 on a free port, trust authentication for
/// the local user "accessgrid", one database "accessgrid". PostgreSQL refuses to run as root, so under root the
/// cluster runs as the unprivileged "postgres" system user that the Debian package creates.</summary>
public sealed class PostgresProcess : IAsyncDisposable
{
    public const string Database = "accessgrid";
    private const string User = "accessgrid";

    private readonly string _bin;
    private readonly string _data;
    private readonly bool _ownsFolder;

    private PostgresProcess(string bin, string folder, int port, bool ownsFolder)
    {
        _bin = bin;
        Folder = folder;
        _data = Path.Combine(folder, "data");
        Port = port;
        _ownsFolder = ownsFolder;
    }

    public string Folder { get; }
    public int Port { get; }
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username={User};Database={Database};Pooling=true;Timeout=5";

    /// <summary>The server binaries' folder, or null when the postgresql package is not installed.</summary>
    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;

    /// <summary>Creates (if new) and starts a cluster in <paramref name="folder"/> (a fresh temporary folder when null,
    /// deleted on dispose) on a free port.</summary>
    public static async Task<PostgresProcess> StartAsync(string? folder = null, CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql).");
        var owns = folder is null;
        folder ??= Directory.CreateTempSubdirectory("accessgrid-postgres-").FullName;
        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root") folder = await Reachable(folder, owns, cancellationToken);
        var postgres = new PostgresProcess(bin, folder, FreePorts.Take(1)[0], owns);
        if (Environment.UserName == "root") await Run("chown", ["-R", "postgres:postgres", folder], cancellationToken);
        if (!File.Exists(Path.Combine(postgres._data, "PG_VERSION")))
            await postgres.Server("initdb", ["-D", postgres._data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-instructions"], cancellationToken);
        await postgres.StartServer(cancellationToken);
        // Fails harmlessly when the database exists (a restarted cluster in the same folder).
        await postgres.Server("createdb", ["-h", "127.0.0.1", "-p", $"{postgres.Port}", "-U", User, Database], cancellationToken, allowFailure: true);
        return postgres;
    }

    /// <summary>The folder itself when the postgres user can enter it; else (a checkout under /root, a private temporary
    /// folder) one of its own in /tmp, the same for the same folder, that <paramref name="folder"/>/cluster points at.</summary>
    private static async Task<string> Reachable(string folder, bool owned, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        if (await Succeeds("runuser", ["-u", "postgres", "--", "test", "-x", parent], cancellationToken)) return folder;
        var name = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(folder))))[..16];
        var real = Path.Combine(Path.GetTempPath(), $"accessgrid-postgres-{name}");
        Directory.CreateDirectory(real);
        var link = Path.Combine(folder, "cluster");
        if (!owned && !File.Exists(link) && !Directory.Exists(link)) File.CreateSymbolicLink(link, real);
        return real;
    }

    private static async Task<bool> Succeeds(string file, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            await Run(file, arguments, cancellationToken);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Stops the server: "fast" (clean shutdown) or, with <paramref name="hard"/>, kill -9 of the postmaster.</summary>
    public async Task StopAsync(bool hard, CancellationToken cancellationToken = default)
    {
        var pidFile = Path.Combine(_data, "postmaster.pid");
        if (hard && File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var pid))
        {
            await Run("kill", ["-9", $"{pid}"], cancellationToken);
            // Its children notice the lost postmaster and exit; wait for the port to close before a restart.
            for (var i = 0; i < 100 && await Listening(); i++) await Task.Delay(100, cancellationToken);
            return;
        }
        await Server("pg_ctl", ["-D", _data, "-m", "fast", "-w", "stop"], cancellationToken, allowFailure: true);
    }

    /// <summary>Starts the server again on the same port and data (after <see cref="StopAsync"/>).</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default) => StartServer(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Server("pg_ctl", ["-D", _data, "-m", "immediate", "-w", "stop"], CancellationToken.None, allowFailure: true);
        if (_ownsFolder)
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private Task StartServer(CancellationToken cancellationToken) =>
        Server("pg_ctl", ["-D", _data, "-l", Path.Combine(Folder, "postgres.log"), "-w", "-t", "30",
            "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{Folder}' -c fsync=on", "start"], cancellationToken);

    private async Task<bool> Listening()
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    // Under root, every server tool runs as the postgres system user (runuser keeps the environment minimal).
    private Task Server(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken, bool allowFailure = false) =>
        Environment.UserName == "root"
            ? Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments], cancellationToken, allowFailure)
            : Run(Path.Combine(_bin, tool), arguments, cancellationToken, allowFailure);

    private static async Task Run(string file, IEnumerable<string> arguments, CancellationToken cancellationToken, bool allowFailure = false)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && !allowFailure)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {await error}{await output}");
    }
}
