namespace AccessGrid.Grains;

/// <summary>Routes a person to their index shard and fans searches out to every configured shard, merging the answers.
/// The shard of a staff id is a stable hash, so every silo agrees without a lookup. Internal: callers outside the
/// grains use <see cref="IFaceIndexGrain"/>.</summary>
internal sealed class FaceIndex(IGrainFactory grains, int shardCount)
{
    public int ShardCount { get; } = shardCount > 0 ? shardCount : throw new ArgumentOutOfRangeException(nameof(shardCount));

    public IFaceIndexShardGrain ShardOf(string staffId) => Shard(ShardNumber(staffId, ShardCount));

    public IEnumerable<IFaceIndexShardGrain> Shards => Enumerable.Range(0, ShardCount).Select(Shard);

    /// <summary>FNV-1a over the UTF-16 code units: string.GetHashCode is randomised per process.</summary>
    public static int ShardNumber(string staffId, int shardCount)
    {
        var hash = 2166136261u;
        foreach (var c in staffId) hash = (hash ^ c) * 16777619u;
        return (int)(hash % (uint)shardCount);
    }

    /// <summary>Asks every shard for its k nearest people and keeps the k nearest overall. Each shard already answers
    /// one hit per person, and a person lives in one shard, so the merge is a sort.</summary>
    public async Task<IndexSearchResult> Search(float[] query, int k)
    {
        var answers = await Task.WhenAll(Shards.Select(s => s.Search(query, k).AsTask()));
        var hits = answers.SelectMany(a => a.Hits).OrderBy(h => h.Distance).Take(k).ToArray();
        return new IndexSearchResult(hits, answers.Sum(a => a.Identities));
    }

    /// <summary>Removes a person from every shard (erasure must not depend on the routing being unchanged).</summary>
    public Task RemoveEverywhere(string staffId) =>
        Task.WhenAll(Shards.Select(s => s.RemoveStaff(staffId).AsTask()));

    /// <summary>Records people as members of their shards (one write per shard), for a rebuild to read.</summary>
    public Task AddMembers(IEnumerable<string> staffIds) =>
        Task.WhenAll(staffIds.GroupBy(id => ShardNumber(id, ShardCount)).Select(g => Shard(g.Key).AddMembers([.. g]).AsTask()));

    public Task<IndexShardStats[]> GetStats() => Task.WhenAll(Shards.Select(s => s.GetStats().AsTask()));

    public Task<IndexShardStats[]> Rebuild() => Task.WhenAll(Shards.Select(s => s.Rebuild().AsTask()));

    private IFaceIndexShardGrain Shard(int number) => grains.GetGrain<IFaceIndexShardGrain>(number);
}
