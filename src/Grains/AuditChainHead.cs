namespace AccessGrid.Grains;

/// <summary>Where a day chain ends: how many entries it holds and the last one's hash. Stored beside the entries
/// (atomically with them in Table storage), so deleting the newest entry is as visible as deleting any other.</summary>
/// <param name="PreviousChain">The chain that existed when this one began, so that heads form a list and a deleted
/// head is missed by its successor.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.AuditChainHead")]
public sealed record AuditChainHead(
    [property: Id(0)] string Chain,
    [property: Id(1)] long Count,
    [property: Id(2)] string LastHash,
    [property: Id(3)] string? PreviousChain);
