using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AccessGrid.Grains;

/// <summary>Index snapshots as block blobs (Table entities stop at 1 MiB; a 10,000-face shard is several MB), one blob
/// per generation: <c>shard-3/000000000042.agidx</c>. A new generation is uploaded first, then every other blob of the
/// shard is deleted: no earlier generation (which may hold an erased person's encodings) outlives the write, and a
/// crash between the two steps leaves an extra readable generation, never none. (An account with blob soft delete or
/// versioning enabled keeps deleted blobs for its retention period: docs/security.md, "How erasure works".)</summary>
public sealed class BlobIndexSnapshotStore(BlobContainerClient container) : IIndexSnapshotStore
{
    public const string DefaultContainer = "accessgrid-index";

    private volatile bool _created;

    public async Task<Stream?> OpenRead(int shard, CancellationToken cancellationToken = default)
    {
        var newest = (await Generations(shard, cancellationToken)).LastOrDefault();
        if (newest is null) return null;
        try
        {
            var content = await container.GetBlobClient(newest).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return content.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task Write(int shard, long generation, Stream snapshot, CancellationToken cancellationToken = default)
    {
        await EnsureContainer(cancellationToken);
        var name = BlobName(shard, generation);
        await container.GetBlobClient(name).UploadAsync(snapshot, overwrite: true, cancellationToken);
        foreach (var older in await Generations(shard, cancellationToken))
            if (older != name) await container.GetBlobClient(older).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        // The single-name layout of earlier versions: gone with the first new generation.
        await container.GetBlobClient($"shard-{shard}.agidx").DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    public async Task Delete(int shard, CancellationToken cancellationToken = default)
    {
        foreach (var name in await Generations(shard, cancellationToken))
            await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>The shard's snapshot blobs, oldest first (the zero-padded generation sorts as text).</summary>
    private async Task<List<string>> Generations(int shard, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"shard-{shard}/", cancellationToken))
                names.Add(blob.Name);
        }
        catch (RequestFailedException ex) when (ex.Status == 404) // no container yet
        {
            return names;
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private async Task EnsureContainer(CancellationToken cancellationToken)
    {
        if (_created) return;
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _created = true;
    }

    private static string BlobName(int shard, long generation) =>
        string.Create(CultureInfo.InvariantCulture, $"shard-{shard}/{generation:D12}.agidx");
}
