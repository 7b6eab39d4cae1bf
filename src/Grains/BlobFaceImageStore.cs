using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AccessGrid.Grains;

/// <summary>Face images as block blobs in one container: <c>snapshots/{eventId}.jpg</c> with the door, the named person
/// and the time as metadata (erasure and retention list the snapshots and pick by it), and
/// <c>thumbnails/{staffId}/{templateId}.jpg</c> (a person's thumbnails share a prefix, so erasure deletes them by it).
/// (An account with blob soft delete or versioning keeps deleted blobs for its retention period: docs/security.md.)</summary>
public sealed class BlobFaceImageStore(BlobContainerClient container) : IFaceImageStore
{
    public const string DefaultContainer = "accessgrid-faces";

    private const string SnapshotPrefix = "snapshots/";
    private const string StaffKey = "staff", DoorKey = "door", TakenKey = "taken";
    private static readonly BlobHttpHeaders Jpeg = new() { ContentType = "image/jpeg" };

    private volatile bool _created;

    public async Task PutSnapshot(DecisionSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var metadata = new Dictionary<string, string>
        {
            [DoorKey] = snapshot.DoorId,
            [TakenKey] = snapshot.TakenAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        };
        if (snapshot.StaffId is { } staffId) metadata[StaffKey] = staffId;
        await Upload(SnapshotName(snapshot.EventId), snapshot.Jpeg, metadata, cancellationToken);
    }

    public Task<byte[]?> GetSnapshot(string eventId, CancellationToken cancellationToken = default) =>
        DecisionSnapshot.IsEventId(eventId) ? Download(SnapshotName(eventId), cancellationToken) : Task.FromResult<byte[]?>(null);

    public Task<int> DeleteSnapshotsNaming(string staffId, CancellationToken cancellationToken = default) =>
        DeleteSnapshotsWhere(m => m.TryGetValue(StaffKey, out var named) && named == staffId, cancellationToken);

    public Task<int> DeleteSnapshotsTakenBefore(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        DeleteSnapshotsWhere(m => !m.TryGetValue(TakenKey, out var taken)
            || !DateTimeOffset.TryParse(taken, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) || at < cutoff, cancellationToken);

    public Task PutThumbnail(string staffId, Guid templateId, byte[] jpeg, CancellationToken cancellationToken = default) =>
        Upload(ThumbnailName(staffId, templateId), jpeg, null, cancellationToken);

    public Task<byte[]?> GetThumbnail(string staffId, Guid templateId, CancellationToken cancellationToken = default) =>
        Download(ThumbnailName(staffId, templateId), cancellationToken);

    public async Task DeleteThumbnail(string staffId, Guid templateId, CancellationToken cancellationToken = default) =>
        await container.GetBlobClient(ThumbnailName(staffId, templateId)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public async Task DeleteThumbnails(string staffId, CancellationToken cancellationToken = default)
    {
        foreach (var name in await List($"thumbnails/{staffId}/", BlobTraits.None, _ => true, cancellationToken))
            await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    private async Task<int> DeleteSnapshotsWhere(Func<IDictionary<string, string>, bool> match, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var name in await List(SnapshotPrefix, BlobTraits.Metadata, match, cancellationToken))
            if ((await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value) deleted++;
        return deleted;
    }

    private async Task<List<string>> List(string prefix, BlobTraits traits, Func<IDictionary<string, string>, bool> match, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(traits, BlobStates.None, prefix, cancellationToken))
                if (match(blob.Metadata ?? new Dictionary<string, string>())) names.Add(blob.Name);
        }
        catch (RequestFailedException ex) when (ex.Status == 404) // no container yet
        {
        }
        return names;
    }

    private async Task Upload(string name, byte[] jpeg, IDictionary<string, string>? metadata, CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _created = true;
        }
        await container.GetBlobClient(name).UploadAsync(new BinaryData(jpeg),
            new BlobUploadOptions { HttpHeaders = Jpeg, Metadata = metadata }, cancellationToken);
    }

    private async Task<byte[]?> Download(string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static string SnapshotName(string eventId) => $"{SnapshotPrefix}{eventId}.jpg";

    private static string ThumbnailName(string staffId, Guid templateId) => $"thumbnails/{staffId}/{templateId:N}.jpg";
}
