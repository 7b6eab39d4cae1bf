using Azure;
using Azure.Storage.Blobs;

namespace AccessGrid.Grains;

/// <summary>Archived audit days as block blobs "yyyy-MM-dd.json.gz": the day's head and entries as gzip-compressed JSON
/// (the entries in the same System.Text.Json form the chain hashes, so a read-back entry recomputes to its seal).</summary>
public sealed class BlobAuditArchive(BlobContainerClient container) : IAuditArchive
{
    public const string DefaultContainer = "accessgrid-audit-archive";
    private const string Suffix = ".json.gz";

    private volatile bool _created;

    public async Task Write(ArchivedAuditDay day, CancellationToken cancellationToken = default)
    {
        await EnsureContainer(cancellationToken);
        await container.GetBlobClient(day.Head.Chain + Suffix).UploadAsync(new BinaryData(day.Compress()), overwrite: true, cancellationToken);
    }

    public async Task<ArchivedAuditDay?> Read(string chain, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await container.GetBlobClient(chain + Suffix).DownloadStreamingAsync(cancellationToken: cancellationToken);
            await using var stream = content.Value.Content;
            return ArchivedAuditDay.Decompress(stream);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<string[]> Days(CancellationToken cancellationToken = default)
    {
        await EnsureContainer(cancellationToken);
        var days = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
            if (blob.Name.EndsWith(Suffix, StringComparison.Ordinal) && AuditChain.IsChainId(blob.Name[..^Suffix.Length]))
                days.Add(blob.Name[..^Suffix.Length]);
        return [.. days];
    }

    public async Task Delete(string chain, CancellationToken cancellationToken = default) =>
        await container.GetBlobClient(chain + Suffix).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private async Task EnsureContainer(CancellationToken cancellationToken)
    {
        if (_created) return;
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _created = true;
    }
}
