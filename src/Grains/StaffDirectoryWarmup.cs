using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessGrid.Grains;

/// <summary>When the silo starts: activates the old directory (which then moves its staff ids into the partitions in the
/// background) and loads every staff directory partition, 8 at a time, so searches after a restart find them loaded.
/// Failures are logged only: a query loads what it needs anyway.</summary>
public sealed partial class StaffDirectoryWarmup(IGrainFactory grains, IOptions<AccessGridOptions> options, ILogger<StaffDirectoryWarmup> logger)
    : BackgroundService
{
    private const int Parallel = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmStaffDirectory) return;
        try
        {
            await Task.Yield(); // never hold up the host's start
            var left = await grains.GetGrain<IDirectoryGrain>(0).MigrateLegacyStaff(0);
            if (left > 0) Migrating(left);
            var watch = Stopwatch.StartNew();
            await StaffDirectory.Warm(grains, Parallel, stoppingToken);
            Warmed(StaffDirectory.Partitions, watch.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(e);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moving {Count} staff ids of the old directory into the staff directory partitions.")]
    private partial void Migrating(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff directory: {Partitions} partitions loaded in {Milliseconds} ms.")]
    private partial void Warmed(int partitions, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading the staff directory partitions at start failed; queries load them as they need them.")]
    private partial void Failed(Exception exception);
}
