using AccessGrid.Grains;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccessGrid.Dashboard;

/// <summary>Fills this node's <see cref="DoorBoard"/> with the last hour of decisions from the audit log, once the relay
/// subscription is up (so nothing falls between the history and the live feed). Bounded: a node never reads more
/// than <see cref="MaxEntries"/> entries at start.</summary>
public sealed class DoorBoardHistory(
    IGrainFactory grains,
    DoorBoard board,
    DecisionRelaySubscriber subscriber,
    TimeProvider clock,
    ILogger<DoorBoardHistory> logger) : BackgroundService
{
    public const int MaxEntries = 200_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await subscriber.Subscribed.WaitAsync(stoppingToken);
        var audit = grains.GetGrain<IAuditLogGrain>(0);
        var from = clock.GetUtcNow() - TimeSpan.FromHours(1);
        DateTimeOffset? before = null;
        for (var read = 0; read < MaxEntries && !stoppingToken.IsCancellationRequested;)
        {
            try
            {
                var page = await audit.Query(new AuditQuery(From: from, To: before, Limit: AuditQuery.MaxLimit, Kind: AuditKind.Decision));
                board.RecordHistory(page.Select(e => e.Decision).OfType<Decision>());
                read += page.Length;
                if (page.Length < AuditQuery.MaxLimit) break;
                before = page[^1].Timestamp;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The audit table may be briefly unreachable at start; live counting goes on regardless.
                logger.LogWarning(exception, "Reading the last hour of decisions for the door board failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
        board.CompleteHistory();
    }
}
