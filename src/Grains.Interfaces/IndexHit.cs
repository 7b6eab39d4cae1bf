namespace AccessGrid.Grains;

/// <summary>One template found by a face-index search, with its exact distance.</summary>
/// <param name="Distance">Exact Euclidean distance between the query and the template.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.IndexHit")]
public sealed record IndexHit(
    [property: Id(0)] string StaffId,
    [property: Id(1)] Guid TemplateId,
    [property: Id(2)] float Distance);

/// <summary>A shard's answer: its best hits (exactly re-ranked) and how many identities it holds.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.ShardSearchResult")]
public sealed record ShardSearchResult(
    [property: Id(0)] IndexHit[] Hits,
    [property: Id(1)] int Identities);

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
