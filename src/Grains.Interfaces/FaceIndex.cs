namespace AccessGrid.Grains;

/// <summary>Routes a person to their index shard and fans searches out to every shard, merging the answers.
/// The shard of a staff id is a stable hash, so every silo agrees without a lookup.</summary>
public sealed class FaceIndex(IGrainFactory grains, int shardCount = FaceIndex.DefaultShardCount)
{
    /// <summary>Changing it re-homes people: rebuild every shard afterwards.</summary>
    public const int DefaultShardCount = 4;

    public int ShardCount { get; } = shardCount > 0 ? shardCount : throw new ArgumentOutOfRangeException(nameof(shardCount));

    public IFaceIndexShardGrain ShardOf(string staffId) => Shard(ShardNumber(staffId));

    public IFaceIndexShardGrain Shard(int number) => grains.GetGrain<IFaceIndexShardGrain>(number);

    public IEnumerable<IFaceIndexShardGrain> Shards => Enumerable.Range(0, ShardCount).Select(Shard);

    /// <summary>FNV-1a over the UTF-16 code units: string.GetHashCode is randomised per process.</summary>
    public int ShardNumber(string staffId)
    {
        var hash = 2166136261u;
        foreach (var c in staffId) hash = (hash ^ c) * 16777619u;
        return (int)(hash % (uint)ShardCount);
    }

    /// <summary>Asks every shard for its k nearest templates and merges them, nearest first.</summary>
    public async Task<IndexSearchResult> Search(float[] query, int k)
    {
        var answers = await Task.WhenAll(Shards.Select(s => s.Search(query, k).AsTask()));
        var hits = answers.SelectMany(a => a.Hits).OrderBy(h => h.Distance).ToArray();
        return new IndexSearchResult(hits, answers.Sum(a => a.Identities));
    }

    /// <summary>Removes a person from every shard (erasure must not depend on the routing being unchanged).</summary>
    public Task RemoveEverywhere(string staffId) =>
        Task.WhenAll(Shards.Select(s => s.RemoveStaff(staffId).AsTask()));
}

/// <summary>Merged hits of every shard, nearest first, and the number of enrolled identities in the gallery.</summary>
public sealed record IndexSearchResult(IndexHit[] Hits, int Identities)
{
    /// <summary>The best distance per person, nearest person first.</summary>
    public IReadOnlyList<IndexHit> BestPerPerson() =>
        Hits.GroupBy(h => h.StaffId).Select(g => g.MinBy(h => h.Distance)!).OrderBy(h => h.Distance).ToList();
}
