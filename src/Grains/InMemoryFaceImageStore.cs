using System.Collections.Concurrent;

namespace AccessGrid.Grains;

/// <summary>Face images in process memory: for test clusters and single-process runs without storage. Shared by every
/// silo of an in-process cluster, as a blob container would be.</summary>
public sealed class InMemoryFaceImageStore : IFaceImageStore
{
    private readonly ConcurrentDictionary<string, DecisionSnapshot> _snapshots = new();
    private readonly ConcurrentDictionary<(string StaffId, Guid TemplateId), byte[]> _thumbnails = new();

    /// <summary>How many snapshots and thumbnails are held (tests check that erasure leaves none).</summary>
    public int Count => _snapshots.Count + _thumbnails.Count;

    public Task PutSnapshot(DecisionSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        _snapshots[snapshot.EventId] = snapshot;
        return Task.CompletedTask;
    }

    public Task<byte[]?> GetSnapshot(string eventId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_snapshots.TryGetValue(eventId, out var snapshot) ? snapshot.Jpeg : null);

    public Task<int> DeleteSnapshotsNaming(string staffId, CancellationToken cancellationToken = default) =>
        Task.FromResult(DeleteWhere(s => s.StaffId == staffId));

    public Task<int> DeleteSnapshotsTakenBefore(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        Task.FromResult(DeleteWhere(s => s.TakenAt < cutoff));

    public Task PutThumbnail(string staffId, Guid templateId, byte[] jpeg, CancellationToken cancellationToken = default)
    {
        _thumbnails[(staffId, templateId)] = jpeg;
        return Task.CompletedTask;
    }

    public Task<byte[]?> GetThumbnail(string staffId, Guid templateId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_thumbnails.TryGetValue((staffId, templateId), out var jpeg) ? jpeg : null);

    public Task DeleteThumbnail(string staffId, Guid templateId, CancellationToken cancellationToken = default)
    {
        _thumbnails.TryRemove((staffId, templateId), out _);
        return Task.CompletedTask;
    }

    public Task DeleteThumbnails(string staffId, CancellationToken cancellationToken = default)
    {
        foreach (var key in _thumbnails.Keys.Where(k => k.StaffId == staffId)) _thumbnails.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private int DeleteWhere(Func<DecisionSnapshot, bool> expired)
    {
        var deleted = 0;
        foreach (var snapshot in _snapshots.Values.Where(expired))
            if (_snapshots.TryRemove(snapshot.EventId, out _)) deleted++;
        return deleted;
    }
}
