using System.Collections.Concurrent;

namespace AccessGrid.Grains;

/// <summary>Snapshots held in process memory: for test clusters and single-process runs without storage.
/// Shared by every silo of an in-process cluster, as a blob container would be. Holds one generation per shard:
/// replacing it is the same as writing the new one and deleting the old.</summary>
public sealed class InMemoryIndexSnapshotStore : IIndexSnapshotStore
{
    private readonly ConcurrentDictionary<int, byte[]> _snapshots = new();

    public Task<Stream?> OpenRead(int shard, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream?>(_snapshots.TryGetValue(shard, out var bytes) ? new MemoryStream(bytes, writable: false) : null);

    public async Task Write(int shard, long generation, Stream snapshot, CancellationToken cancellationToken = default)
    {
        using var copy = new MemoryStream();
        await snapshot.CopyToAsync(copy, cancellationToken);
        _snapshots[shard] = copy.ToArray();
    }

    public Task Delete(int shard, CancellationToken cancellationToken = default)
    {
        _snapshots.TryRemove(shard, out _);
        return Task.CompletedTask;
    }
}
