namespace AccessGrid.Grains;

/// <summary>Where index shards keep their snapshots (Azure Blob in production; memory in tests). Each generation is
/// written under its own name and the older ones are deleted once it is stored, so an erased person's encodings
/// never survive in an overwritten copy and a crash mid-write never leaves a shard without a readable snapshot.</summary>
public interface IIndexSnapshotStore
{
    /// <summary>The newest snapshot's bytes, or null when there is none.</summary>
    Task<Stream?> OpenRead(int shard, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="snapshot"/> (read from its current position) as the shard's snapshot of
    /// <paramref name="generation"/>, then deletes every other snapshot of the shard.</summary>
    Task Write(int shard, long generation, Stream snapshot, CancellationToken cancellationToken = default);

    /// <summary>Removes every snapshot of the shard, if any.</summary>
    Task Delete(int shard, CancellationToken cancellationToken = default);
}
