using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;
using AccessGrid.LocalRun;
using AccessGrid.TestSupport;

namespace AccessGrid.Dashboard.Tests.Infrastructure;

/// <summary>What every browser test shares: a private Azurite, two silo hosts clustered through it (A and B), two doors,
/// keys for each role, and one chromium. Tests use their own people or doors when they change state.</summary>
public sealed class DashboardCluster : IAsyncLifetime
{
    public const string FrontDoor = "front";
    public const string LabDoor = "lab";

    private readonly string _folder = Directory.CreateTempSubdirectory("accessgrid-dashboard-tests-").FullName;
    private readonly SemaphoreSlim _seedGate = new(1, 1);
    private readonly HashSet<string> _enrolled = [];
    private AzuriteProcess? _azurite;
    private SiloHost? _a;
    private SiloHost? _b;
    private ChromiumBrowser? _browser;

    public SiloHost A => _a ?? throw new InvalidOperationException("not started");
    public SiloHost B => _b ?? throw new InvalidOperationException("not started");
    public ChromiumBrowser Browser => _browser ?? throw new InvalidOperationException("not started");

    public string AdminKey { get; private set; } = "";
    public string HrKey { get; private set; } = "";
    public string GuardKey { get; private set; } = "";
    public string FrontReaderKey { get; private set; } = "";
    public string LabReaderKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // Chromium starts while the cluster does; both are awaited before anything can fail half-way unobserved.
        var launching = ChromiumBrowser.LaunchAsync();
        try
        {
            await StartClusterAsync();
        }
        finally
        {
            _browser = await launching;
        }
    }

    private async Task StartClusterAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(RepoPaths.RepositoryRoot);
        var clusterId = $"dash{Guid.NewGuid():N}"[..16];
        var adminKeyFile = Path.Combine(_folder, "admin.key");

        // A first: its first start creates the admin key. B joins the same cluster through Azure Table membership.
        _a = await SiloHost.StartAsync(_azurite.ConnectionString, adminKeyFile, clusterId);
        AdminKey = _a.AdminKey;
        _b = await SiloHost.StartAsync(_azurite.ConnectionString, adminKeyFile, clusterId);

        using var admin = A.Api(AdminKey);
        // Liveness off: the tests post seed crops and face-api samples, not camera frames.
        await admin.CreateDoor(FrontDoor, "Front door", "lobby", liveness: LivenessPolicy.Off);
        await admin.CreateDoor(LabDoor, "Lab", "research", liveness: LivenessPolicy.Off);
        HrKey = (await admin.CreateKey(ApiRole.Hr)).Key;
        GuardKey = (await admin.CreateKey(ApiRole.Guard)).Key;
        FrontReaderKey = (await admin.CreateKey(ApiRole.Reader, FrontDoor)).Key;
        LabReaderKey = (await admin.CreateKey(ApiRole.Reader, LabDoor)).Key;
    }

    /// <summary>Creates a seed person and enrolls their office photo, once per run (needs ../shared).</summary>
    public async Task<string> EnsureEnrolledAsync(string staffId, string name, string seedPicture)
    {
        await _seedGate.WaitAsync();
        try
        {
            if (_enrolled.Add(staffId))
            {
                using var hr = A.Api(HrKey);
                await hr.CreateStaff(staffId, name);
                await hr.EnrollFace(staffId, SeedPicture(seedPicture));
            }
            return staffId;
        }
        finally
        {
            _seedGate.Release();
        }
    }

    public static byte[] SeedPicture(string file) => File.ReadAllBytes(RepoPaths.Shared("datasets", "seed", file));

    /// <summary>A real photograph the models installer keeps (face-api's demo picture of one person).</summary>
    public static byte[] SamplePicture()
    {
        var path = RepoPaths.SampleImage(2);
        Assert.True(File.Exists(path), $"{path} is missing: run ./accessgrid models install (it keeps the face-api package).");
        return File.ReadAllBytes(path);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        if (_b is not null) await _b.DisposeAsync();
        if (_a is not null) await _a.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
        _seedGate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardCluster>
{
    public const string Name = "dashboard";
}
