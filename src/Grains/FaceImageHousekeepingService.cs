using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessGrid.Grains;

/// <summary>Deletes decision snapshots past <see cref="FaceImageRetention.SnapshotDays"/> once per
/// <see cref="FaceImageRetention.Interval"/> on the silo's TimeProvider (tests drive it with a fake clock). Every silo
/// runs it against the shared store: a deletion is idempotent, so two silos sweeping at once only repeat work.</summary>
public sealed partial class FaceImageHousekeepingService(IFaceImageStore store, IOptions<AccessGridOptions> options, TimeProvider clock,
    ILogger<FaceImageHousekeepingService> logger) : BackgroundService
{
    // Started with the service, not when ExecuteAsync gets going: a tick that comes first is remembered, not lost.
    private readonly PeriodicTimer _timer = new(options.Value.FaceImages.Interval, clock);

    /// <summary>Raised after each sweep with the number of snapshots it deleted (tests await it instead of sleeping).</summary>
    public event Action<int>? Swept;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.FaceImages;
        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var deleted = await store.DeleteSnapshotsTakenBefore(retention.Cutoff(clock.GetUtcNow()), stoppingToken);
                    if (deleted > 0) Expired(deleted, retention.SnapshotDays);
                    Swept?.Invoke(deleted);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Failed(e); // the store may be away: the next tick tries again
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Face images: {Deleted} decision snapshots deleted after the {Days}-day retention.")]
    private partial void Expired(int deleted, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired decision snapshots failed; retrying at the next interval.")]
    private partial void Failed(Exception exception);
}
