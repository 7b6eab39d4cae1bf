using Azure;
using Azure.Storage.Blobs;

namespace AccessGrid.Grains;

/// <summary>Index snapshots as block blobs (Table entities stop at 1 MiB; a 10,000-face shard is several MB).</summary>
public sealed class BlobIndexSnapshotStore(BlobContainerClient container) : IIndexSnapshotStore
{
    public const string DefaultContainer = "accessgrid-index";

    private volatile bool _created;

    public async Task<Stream?> OpenRead(int shard, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await container.GetBlobClient(BlobName(shard)).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return content.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task Write(int shard, Stream snapshot, CancellationToken cancellationToken = default)
    {
        await EnsureContainer(cancellationToken);
        await container.GetBlobClient(BlobName(shard)).UploadAsync(snapshot, overwrite: true, cancellationToken);
    }

    public async Task Delete(int shard, CancellationToken cancellationToken = default) =>
        await container.GetBlobClient(BlobName(shard)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private async Task EnsureContainer(CancellationToken cancellationToken)
    {
        if (_created) return;
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _created = true;
    }

    private static string BlobName(int shard) => $"shard-{shard}.agidx";
}
