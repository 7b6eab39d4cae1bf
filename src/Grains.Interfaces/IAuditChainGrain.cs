namespace AccessGrid.Grains;

/// <summary>The single writer of one day's audit chain (key "yyyy-MM-dd", UTC). It gives each entry the next sequence
/// number and the previous entry's hash, and stores entries in small group commits together with the chain head.</summary>
[Alias("AccessGrid.IAuditChainGrain")]
public interface IAuditChainGrain : IGrainWithStringKey
{
    /// <summary>Seals and stores one entry; completes once it is durable.</summary>
    ValueTask Append(AuditEntry entry);
}
