namespace AccessGrid.Grains;

/// <summary>Persisted state of an index shard (storage "index"): who belongs to it and how many writes it has seen.
/// Small on purpose (Table entities stop at 1 MiB); the vectors live in the Blob snapshot and in the staff grains.</summary>
[GenerateSerializer, Alias("AccessGrid.IndexShardState")]
public sealed class IndexShardState
{
    /// <summary>Incremented by every write; a snapshot taken at another generation is stale.</summary>
    [Id(0)] public long Generation { get; set; }

    /// <summary>Staff ids with templates in this shard: the list a rebuild asks for templates.</summary>
    [Id(1)] public HashSet<string> Members { get; set; } = [];
}
