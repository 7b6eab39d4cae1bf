namespace AccessGrid.Grains;

/// <summary>Size and health of one index shard.</summary>
/// <param name="Generation">Write counter: a snapshot taken at another generation is stale.</param>
/// <param name="SnapshotGeneration">Generation of the last snapshot saved or loaded; -1 when none.</param>
/// <param name="IndexBytes">Memory held by the HNSW index and the exact vectors.</param>
/// <param name="RebuiltFromStaff">True when this activation rebuilt the index from staff state instead of a snapshot.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.IndexShardStats")]
public sealed record IndexShardStats(
    [property: Id(0)] int Shard,
    [property: Id(1)] int Identities,
    [property: Id(2)] int Templates,
    [property: Id(3)] long Generation,
    [property: Id(4)] long SnapshotGeneration,
    [property: Id(5)] long IndexBytes,
    [property: Id(6)] bool RebuiltFromStaff);
