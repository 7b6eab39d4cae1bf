namespace AccessGrid.Grains;

/// <summary>What one pass of audit housekeeping did.</summary>
/// <param name="Archived">Days moved from the hot store into archive blobs.</param>
/// <param name="Expired">Heads of the days deleted past the retention (each deletion is recorded in the audit).</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.AuditHousekeepingReport")]
public sealed record AuditHousekeepingReport(
    [property: Id(0)] string[] Archived,
    [property: Id(1)] AuditChainHead[] Expired);
