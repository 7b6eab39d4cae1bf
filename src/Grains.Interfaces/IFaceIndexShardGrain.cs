namespace AccessGrid.Grains;

/// <summary>One shard of the face index (key = shard number): a USearch HNSW graph over the templates of the staff
/// hashed to it, exact re-rank, snapshot in Blob storage, rebuilt from staff state when the snapshot is missing or
/// stale. Writes are serialised by the grain; <see cref="IFaceIndexGrain"/> routes to shards and fans out.</summary>
[Alias("AccessGrid.IFaceIndexShardGrain")]
public interface IFaceIndexShardGrain : IGrainWithIntegerKey
{
    /// <summary>Replaces every template of a person with these, plus their mean when there are two or more (empty
    /// removes the person).</summary>
    ValueTask SetTemplates(string staffId, FaceTemplate[] templates);

    /// <summary>Removes a person and their templates. Returns false when the shard did not hold them.</summary>
    ValueTask<bool> RemoveStaff(string staffId);

    /// <summary>The k nearest people, each with their nearest template and its exact distance, nearest first.</summary>
    ValueTask<ShardSearchResult> Search(float[] query, int k);

    /// <summary>Sizes, generations and memory.</summary>
    ValueTask<IndexShardStats> GetStats();

    /// <summary>Records people as members without reading their templates (a restore writes many people, then
    /// rebuilds): one state write for the whole batch; the snapshot turns stale until <see cref="Rebuild"/>.</summary>
    ValueTask AddMembers(string[] staffIds);

    /// <summary>Throws away the graph and rebuilds it from the staff grains, then snapshots it.</summary>
    [ResponseTimeout("00:30:00")] // tens of thousands of people take minutes, not the default 30 s
    ValueTask<IndexShardStats> Rebuild();
}
