namespace AccessGrid.Grains;

/// <summary>Where index shards keep their snapshots (Azure Blob in production; memory in tests).</summary>
public interface IIndexSnapshotStore
{
    /// <summary>The snapshot's bytes, or null when there is none.</summary>
    Task<Stream?> OpenRead(int shard, CancellationToken cancellationToken = default);

    /// <summary>Replaces the snapshot with the content of <paramref name="snapshot"/> (read from its current position).</summary>
    Task Write(int shard, Stream snapshot, CancellationToken cancellationToken = default);

    /// <summary>Removes the snapshot, if any.</summary>
    Task Delete(int shard, CancellationToken cancellationToken = default);
}
