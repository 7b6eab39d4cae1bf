using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AccessGrid.Ops.Drills;

/// <summary>Reads every table row and every blob of a storage account (and any log files) and reports where
/// <see cref="TemplateTraces"/> are found ("table/partition/row: name, int8", "blob …: face picture"), and every row or
/// blob outside the audit (which keeps ids by design) whose key, name or blob metadata holds the person's id ("…: keyed
/// by the id"): an emptied state row, a thumbnail or a decision snapshot left behind is a remnant too.</summary>
public static class StorageScan
{
    public sealed record Result(int Rows, int Blobs, long Bytes, IReadOnlyList<string> Remnants);

    /// <summary>The audit's table (TableAuditStore.DefaultTable): its rows keep the ids of erased people.</summary>
    public const string AuditTable = "AccessGridAudit";

    public static async Task<Result> Run(string connectionString, IEnumerable<string> logFiles, TemplateTraces traces, string id, CancellationToken ct)
    {
        var remnants = new List<string>();
        int rows = 0, blobs = 0;
        long bytes = 0;
        void Check(string where, byte[] content)
        {
            bytes += content.Length;
            if (traces.Find(content) is { Count: > 0 } found) remnants.Add($"{where}: {string.Join(", ", found)}");
        }

        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync(cancellationToken: ct))
            await foreach (var entity in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: ct))
            {
                rows++;
                if (table.Name != AuditTable && (entity.PartitionKey.Contains(id, StringComparison.Ordinal) || entity.RowKey.Contains(id, StringComparison.Ordinal)))
                    remnants.Add($"table {table.Name}/{entity.PartitionKey}/{entity.RowKey}: keyed by the id");
                Check($"table {table.Name}/{entity.PartitionKey}/{entity.RowKey}", EntityBytes(entity));
            }

        var account = new BlobServiceClient(connectionString);
        await foreach (var container in account.GetBlobContainersAsync(cancellationToken: ct))
        {
            var client = account.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, null, ct))
            {
                blobs++;
                if (blob.Name.Contains(id, StringComparison.Ordinal) || (blob.Metadata?.Values.Any(v => v == id) ?? false))
                    remnants.Add($"blob {container.Name}/{blob.Name}: keyed by the id");
                var content = await client.GetBlobClient(blob.Name).DownloadContentAsync(ct);
                Check($"blob {container.Name}/{blob.Name}", content.Value.Content.ToArray());
            }
        }

        foreach (var file in logFiles.Where(File.Exists))
            Check($"log {Path.GetFileName(file)}", await File.ReadAllBytesAsync(file, ct));
        return new Result(rows, blobs, bytes, remnants);
    }

    /// <summary>Keys and every property: text as UTF-8, binary as it is, anything else as its text.</summary>
    private static byte[] EntityBytes(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        foreach (var (key, value) in entity)
        {
            buffer.Write(Encoding.UTF8.GetBytes(key));
            buffer.Write(value switch
            {
                byte[] binary => binary,
                BinaryData data => data.ToArray(),
                null => [],
                _ => Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            });
        }
        return buffer.ToArray();
    }
}
