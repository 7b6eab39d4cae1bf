namespace AccessGrid.Grains;

/// <summary>The answer of <c>GET /api/audit/verify</c>: how much was checked and the first broken link, if any.</summary>
/// <param name="Chains">Day chains checked.</param>
/// <param name="Entries">Chain entries checked (each once, however many index copies it has).</param>
/// <param name="Rows">Stored rows read, copies included.</param>
/// <param name="Unsealed">Entries written before chaining existed: reported, not verifiable.</param>
/// <param name="Orphans">Index copies of entries that never reached their chain (a write failed half-way): reported,
/// not a break; the chain's own entries must still each have all their copies.</param>
/// <param name="FirstBreak">Null when every link holds.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.AuditVerification")]
public sealed record AuditVerification(
    [property: Id(0)] int Chains,
    [property: Id(1)] long Entries,
    [property: Id(2)] long Rows,
    [property: Id(3)] long Unsealed,
    [property: Id(4)] long Orphans,
    [property: Id(5)] AuditBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>Where and how a chain is broken.</summary>
/// <param name="Chain">The day chain.</param>
/// <param name="Sequence">The position in the chain, when known.</param>
/// <param name="Row">The stored row ("partition/rowKey" in Table storage), when one is to blame.</param>
/// <param name="Problem">What is wrong, in words.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.AuditBreak")]
public sealed record AuditBreak(
    [property: Id(0)] string Chain,
    [property: Id(1)] long? Sequence,
    [property: Id(2)] string? Row,
    [property: Id(3)] string Problem);
