using Microsoft.Extensions.Options;

namespace AccessGrid.Grains;

/// <summary>Runs <see cref="AuditArchiver"/> and records every expired day as a change entry, so that a missing day is
/// explained by the audit itself (its head's count and last hash are kept in the entry).</summary>
public sealed class AuditHousekeepingGrain(IAuditStore store, IAuditArchive archive, IOptions<AccessGridOptions> options, TimeProvider clock)
    : Grain, IAuditHousekeepingGrain
{
    public async ValueTask<AuditHousekeepingReport> Run()
    {
        var retention = options.Value.Audit;
        var report = await new AuditArchiver(store, archive, retention, clock).Run();
        foreach (var day in report.Expired)
            await AuditLog.Change(GrainFactory, "audit.expired", null, null,
                $"Day {day.Chain} deleted after the {retention.RetentionDays}-day retention: {day.Count} entries, last hash {day.LastHash}.");
        return report;
    }
}
