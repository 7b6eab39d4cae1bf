using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessGrid.Grains;

/// <summary>Asks <see cref="IAuditHousekeepingGrain"/> to run once per <see cref="AuditRetention.Interval"/> (on the
/// silo's TimeProvider, so tests drive it with a fake clock). Every silo asks; the grain runs one pass at a time.</summary>
public sealed partial class AuditHousekeepingService(IGrainFactory grains, IOptions<AccessGridOptions> options, TimeProvider clock,
    ILogger<AuditHousekeepingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Audit.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var report = await grains.GetGrain<IAuditHousekeepingGrain>(0).Run();
                    if (report.Archived.Length + report.Expired.Length > 0) Done(report.Archived.Length, report.Expired.Length);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Failed(e); // the store may be away: the next tick tries again, nothing is lost meanwhile
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit housekeeping: {Archived} days archived, {Expired} days deleted past retention.")]
    private partial void Done(int archived, int expired);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit housekeeping failed; retrying at the next interval.")]
    private partial void Failed(Exception exception);
}
