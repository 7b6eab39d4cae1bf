using AccessGrid.Client;
using AccessGrid.LocalRun;
using AccessGrid.Vision;

namespace AccessGrid.Ops.Drills;

/// <summary>A throw-away AccessGrid on this machine: its own store — Azurite (own ports, own random account key) or,
/// with <c>postgres</c>, a private PostgreSQL cluster, data under $ACCESSGRID_HOME/drills/… — and N silos in one cluster
/// whose membership is in that store (Azure Table or PostgreSQL), each with its own HTTP port. Everything binds to
/// 127.0.0.1 and is killed when the drill ends.</summary>
public sealed class DrillCluster : IDisposable
{
    private readonly AzuriteStorage _storage;
    private readonly List<(ChildProcess? Process, int HttpPort, int SiloPort, int GatewayPort)> _silos = [];
    private readonly string _clusterId = $"drill-{DateTime.UtcNow:yyyyMMddHHmmss}";
    private AzuriteProcess? _azurite;
    private PostgresProcess? _postgres;

    private DrillCluster(string folder, string repositoryRoot)
    {
        Folder = folder;
        RepositoryRoot = repositoryRoot;
        _storage = AzuriteStorage.Private(Path.Combine(folder, "azurite"), account: "drill");
    }

    public string Folder { get; }
    public string RepositoryRoot { get; }
    public string AdminKeyFile => Path.Combine(Folder, "admin.key");
    public string AdminKey => File.ReadAllText(AdminKeyFile).Trim();
    public int SiloCount => _silos.Count;

    public Uri Url(int silo) => new($"http://127.0.0.1:{_silos[silo].HttpPort}");

    public ChildProcess? Silo(int index) => _silos[index].Process;

    public string ConnectionString => _storage.ConnectionString;

    /// <summary>The Orleans cluster and service id of the silos (for a client that joins them).</summary>
    public string ClusterId => _clusterId;

    /// <summary>Azurite's data folder (its table database is <c>__azurite_db_table__.json</c> in it).</summary>
    public string AzuriteFolder => _storage.Location;

    /// <summary>Starts the store and <paramref name="silos"/> silos, the first alone (it creates the admin key), then
    /// the others; returns once every silo answers an authenticated request. <paramref name="siloArguments"/> adds
    /// settings per silo (by index), e.g. looser rate limits.</summary>
    public static async Task<DrillCluster> Start(string drill, int silos, Action<string> log, CancellationToken ct,
        Func<int, IEnumerable<string>>? siloArguments = null, bool postgres = false)
    {
        var root = ModelStore.FindRepositoryRoot(Environment.CurrentDirectory) ?? ModelStore.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Drills run from inside the AccessGrid repository (they start its silo).");
        var folder = Path.Combine(ModelStore.Home, "drills", $"{drill}-{DateTime.Now:yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(folder);
        var cluster = new DrillCluster(folder, root);
        try
        {
            if (postgres)
            {
                cluster._postgres = await PostgresProcess.StartAsync(Path.Combine(folder, "postgres"), ct);
                log($"PostgreSQL on 127.0.0.1:{cluster._postgres.Port} holds the state and the cluster membership (data in {folder})");
            }
            else
            {
                await cluster.StartAzurite(ct);
                log($"Azurite on 127.0.0.1:{cluster._storage.BlobPort}/{cluster._storage.QueuePort}/{cluster._storage.TablePort} (data in {folder})");
            }
            cluster.AddSilo(siloArguments?.Invoke(0) ?? []);
            await cluster.WaitReady(0, TimeSpan.FromSeconds(120), ct);
            for (int i = 1; i < silos; i++) cluster.AddSilo(siloArguments?.Invoke(i) ?? []);
            for (int i = 1; i < silos; i++) await cluster.WaitReady(i, TimeSpan.FromSeconds(120), ct);
            log($"{silos} silo(s) up: {string.Join(", ", Enumerable.Range(0, silos).Select(cluster.Url))}");
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>Starts (or restarts) the cluster's Azurite on its own ports and data.</summary>
    public async Task StartAzurite(CancellationToken ct) =>
        _azurite = await AzuriteProcess.StartAsync(RepositoryRoot, _storage, TimeSpan.FromSeconds(120), ct);

    /// <summary>Whether the state lives in PostgreSQL (else in Azurite).</summary>
    public bool OnPostgres => _postgres is not null;

    /// <summary>Stops the store that holds the state (kill -9 when <paramref name="hard"/>), keeping its data for
    /// <see cref="StartStorage"/>. False if a clean stop had to be forced.</summary>
    public async Task<bool> StopStorage(bool hard, CancellationToken ct)
    {
        if (_postgres is null) return StopAzurite(hard);
        await _postgres.StopAsync(hard, ct);
        return true;
    }

    /// <summary>Starts the store again on its own ports and data.</summary>
    public Task StartStorage(CancellationToken ct) => _postgres is null ? StartAzurite(ct) : _postgres.RestartAsync(ct);

    /// <summary>Stops the storage emulator — kill -9 when <paramref name="hard"/>, else SIGTERM so it saves its tables
    /// first — keeping its data on disk for <see cref="StartAzurite"/>. False if a clean stop had to be forced.</summary>
    public bool StopAzurite(bool hard)
    {
        var clean = hard || _azurite is null || _azurite.Stop(TimeSpan.FromSeconds(15));
        _azurite?.Dispose();
        _azurite = null;
        return clean;
    }

    public void KillSilo(int index) => _silos[index].Process?.Kill();

    /// <summary>The PostgreSQL database holding the state, or null on Azurite.</summary>
    public string? PostgresConnectionString => _postgres?.ConnectionString;

    /// <summary>Kills a silo and starts it again on the same ports and storage (without waiting for it).</summary>
    public void RestartSilo(int index, IEnumerable<string>? extraArguments = null)
    {
        var (process, http, silo, gateway) = _silos[index];
        process?.Kill();
        process?.Dispose();
        _silos[index] = (Launch(index, [http, silo, gateway], extraArguments ?? []), http, silo, gateway);
    }

    public void Dispose()
    {
        foreach (var silo in _silos) silo.Process?.Dispose();
        _azurite?.Dispose();
        _postgres?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private void AddSilo(IEnumerable<string> extraArguments)
    {
        var ports = FreePorts.Take(3);
        _silos.Add((Launch(_silos.Count, ports, extraArguments), ports[0], ports[1], ports[2]));
    }

    private ChildProcess Launch(int index, IReadOnlyList<int> ports, IEnumerable<string> extraArguments)
    {
        // The newest build of the silo, Release or Debug (tests may run either).
        var dll = new[] { "Release", "Debug" }
            .Select(c => Path.Combine(RepositoryRoot, "src", "Silo", "bin", c, "net10.0", "AccessGrid.Silo.dll"))
            .Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new FileNotFoundException("The silo is not built: run `dotnet build src/Silo -c Release` first.");
        return new ChildProcess($"silo{index}", "dotnet",
        [
            dll,
            $"--urls=http://127.0.0.1:{ports[0]}",
            $"--Silo:Clustering={(_postgres is null ? "AzureTable" : "Postgres")}",
            $"--Silo:SiloPort={ports[1]}",
            $"--Silo:GatewayPort={ports[2]}",
            $"--Silo:ClusterId={_clusterId}",
            $"--Silo:ServiceId={_clusterId}",
            $"--AccessGrid:AdminKeyFile={AdminKeyFile}",
            .. extraArguments,
            .. _postgres is null ? [$"--ConnectionStrings:AzureStorage={ConnectionString}"]
                : new[] { "--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={_postgres.ConnectionString}" },
        ], Path.Combine(Folder, $"silo{index}.log"));
    }

    private async Task WaitReady(int index, TimeSpan limit, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            ct.ThrowIfCancellationRequested();
            if (_silos[index].Process is { HasExited: true } dead)
                throw new InvalidOperationException($"Silo {index} exited during start-up; see {dead.LogFile}.");
            if (File.Exists(AdminKeyFile))
            {
                try
                {
                    using var client = AccessGridClient.Create(Url(index), AdminKey, TimeSpan.FromSeconds(5));
                    await client.ListDoors(ct);
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or AccessGridApiException) { }
            }
            await Task.Delay(500, ct);
        }
        throw new TimeoutException($"Silo {index} did not answer within {limit.TotalSeconds:F0} s; see {_silos[index].Process?.LogFile}.");
    }
}
