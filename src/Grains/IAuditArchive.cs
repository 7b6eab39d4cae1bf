namespace AccessGrid.Grains;

/// <summary>Closed audit days, one compressed blob per day (Blob storage in production; memory in tests). Written by
/// <see cref="AuditArchiver"/>, read by queries for older ranges and by <see cref="AuditVerifier"/>.</summary>
public interface IAuditArchive
{
    /// <summary>Stores (or replaces) one day.</summary>
    Task Write(ArchivedAuditDay day, CancellationToken cancellationToken = default);

    /// <summary>One archived day, or null when it is not archived.</summary>
    Task<ArchivedAuditDay?> Read(string chain, CancellationToken cancellationToken = default);

    /// <summary>The archived days' chain ids ("yyyy-MM-dd").</summary>
    Task<string[]> Days(CancellationToken cancellationToken = default);

    /// <summary>Removes one day; nothing happens when it is not there.</summary>
    Task Delete(string chain, CancellationToken cancellationToken = default);
}
