using AccessGrid.LocalRun;
using AccessGrid.TestSupport;

namespace AccessGrid.Gateway.Tests.Infrastructure;

/// <summary>One Azurite and one silo host shared by every test in the collection (tests use distinct ids).
/// <see cref="RestartAsync"/> stops the host and starts a new one on the same storage.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accessgrid-gateway-tests-").FullName;
    private AzuriteProcess? _azurite;
    private SiloHost? _host;

    public SiloHost Host => _host ?? throw new InvalidOperationException("The host is not running.");

    public string AdminKeyFile => Path.Combine(_folder, "admin.key");

    public HttpClient Admin { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(RepoPaths.RepositoryRoot);
        await StartHost();
    }

    public async Task RestartAsync()
    {
        Admin.Dispose();
        await Host.DisposeAsync();
        _host = null;
        await StartHost();
    }

    /// <summary>A client sending <paramref name="apiKey"/> (none when null).</summary>
    public HttpClient Client(string? apiKey) => Host.Client(apiKey);

    private async Task StartHost()
    {
        _host = await SiloHost.StartAsync(_azurite!.ConnectionString, AdminKeyFile);
        Admin = _host.Client(_host.AdminKey);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
