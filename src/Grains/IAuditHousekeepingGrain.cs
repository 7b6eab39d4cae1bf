namespace AccessGrid.Grains;

/// <summary>The one place in the cluster where audit housekeeping runs (key 0), so that two silos never archive or
/// expire the same day at once and each deletion is recorded once. Asked by every silo's
/// <see cref="AuditHousekeepingService"/>.</summary>
public interface IAuditHousekeepingGrain : IGrainWithIntegerKey
{
    /// <summary>Archives closed days, deletes days past the retention and records each deletion in the audit.</summary>
    ValueTask<AuditHousekeepingReport> Run();
}
