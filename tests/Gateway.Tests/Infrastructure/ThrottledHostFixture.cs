using AccessGrid.LocalRun;
using AccessGrid.TestSupport;

namespace AccessGrid.Gateway.Tests.Infrastructure;

/// <summary>A host of its own with very low rate limits, so the throttling tests can trip every limit within a
/// second without slowing the other tests' host.</summary>
public sealed class ThrottledHostFixture : IAsyncLifetime
{
    public const int FailedAuthPerAddress = 3;
    public const int ReaderKeyDecisionsPerSecond = 2;
    public const int DoorDecisionsPerSecond = 4;

    private readonly string _folder = Directory.CreateTempSubdirectory("accessgrid-throttled-tests-").FullName;
    private AzuriteProcess? _azurite;
    private SiloHost? _host;

    public SiloHost Host => _host ?? throw new InvalidOperationException("The host is not running.");

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(RepoPaths.RepositoryRoot);
        _host = await SiloHost.StartAsync(_azurite.ConnectionString, Path.Combine(_folder, "admin.key"), settings:
        [
            $"--AccessGrid:RateLimits:FailedAuthPerAddress={FailedAuthPerAddress}",
            "--AccessGrid:RateLimits:FailedAuthWindow=00:10:00",
            $"--AccessGrid:RateLimits:ReaderKeyDecisionsPerSecond={ReaderKeyDecisionsPerSecond}",
            $"--AccessGrid:RateLimits:DoorDecisionsPerSecond={DoorDecisionsPerSecond}",
            "--AccessGrid:RateLimits:DecisionQueue=0",
        ]);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
