namespace AccessGrid.Grains;

/// <summary>The whole face index as one service (stateless worker, key 0): knows the configured shard count, routes
/// each person to their shard, fans searches out and merges them, and administers every shard.</summary>
[Alias("AccessGrid.IFaceIndexGrain")]
public interface IFaceIndexGrain : IGrainWithIntegerKey
{
    /// <summary>The k nearest people over every shard, nearest first (one hit per person).</summary>
    ValueTask<IndexSearchResult> Search(float[] query, int k);

    /// <summary>Sizes, generations and memory of every configured shard, by shard number.</summary>
    ValueTask<IndexShardStats[]> GetStats();

    /// <summary>Rebuilds every configured shard from staff state and snapshots it.</summary>
    [ResponseTimeout("00:30:00")] // tens of thousands of people take minutes, not the default 30 s
    ValueTask<IndexShardStats[]> Rebuild();
}
