namespace AccessGrid.Grains;

/// <summary>An audit entry's link in its chain (one chain per UTC day, <see cref="Chain"/> = "yyyy-MM-dd").</summary>
/// <param name="Sequence">0 for the chain's first entry, then 1, 2, … without gaps.</param>
/// <param name="PreviousHash">The <see cref="Hash"/> of entry <see cref="Sequence"/> − 1, or 64 zeros for the first.</param>
/// <param name="Hash">SHA-256 (hex) over the chain, sequence, previous hash and the entry's canonical JSON without its seal.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.AuditSeal")]
public sealed record AuditSeal(
    [property: Id(0)] string Chain,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string PreviousHash,
    [property: Id(3)] string Hash);
