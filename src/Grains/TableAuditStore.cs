using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace AccessGrid.Grains;

/// <summary>The audit log as Azure Table rows. Why rows and not a JournaledGrain: the log grows without bound and is
/// read by door, by staff and by time, while a grain's journal lives in one activation and is read from the start.
/// Each entry is written to up to three partitions ("all", "door|id", "staff|id"): rows are only ever inserted,
/// so this costs space, not consistency, and every query reads one partition. The row key is the inverted
/// timestamp, so a partition's natural order is newest first and a time range is a row-key range.</summary>
public sealed class TableAuditStore(TableClient table) : IAuditStore
{
    public const string DefaultTable = "AccessGridAudit";

    private volatile bool _created;

    public async Task Append(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await EnsureTable(cancellationToken);
        var rowKey = RowKey(entry.Timestamp, entry.EventId);
        var json = JsonSerializer.Serialize(entry);
        // Upsert: a retried append rewrites the same row instead of failing or duplicating it.
        var writes = Partitions(entry).Select(p => table.UpsertEntityAsync(
            new TableEntity(p, rowKey)
            {
                ["Kind"] = entry.Kind.ToString(),
                ["DoorId"] = entry.DoorId,
                ["StaffId"] = entry.StaffId,
                ["At"] = entry.Timestamp,
                ["Entry"] = json,
            }, TableUpdateMode.Replace, cancellationToken));
        await Task.WhenAll(writes);
    }

    public async Task<AuditEntry[]> Query(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await EnsureTable(cancellationToken);
        var partition = query.StaffId is not null ? $"staff|{query.StaffId}" : query.DoorId is not null ? $"door|{query.DoorId}" : "all";
        var filter = $"PartitionKey eq '{Escape(partition)}'";
        // Newer than To is a smaller inverted tick count; older than From a larger one.
        if (query.To is { } to) filter += $" and RowKey ge '{InvertedTicks(to) + 1:D19}'";
        if (query.From is { } from) filter += $" and RowKey lt '{InvertedTicks(from) + 1:D19}'";
        if (query.StaffId is not null && query.DoorId is not null) filter += $" and DoorId eq '{Escape(query.DoorId)}'";
        if (query.Kind is { } kind) filter += $" and Kind eq '{kind}'";

        var limit = AuditFilter.Limit(query);
        var results = new List<AuditEntry>(Math.Min(limit, 256));
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            if (row.GetString("Entry") is { } json && JsonSerializer.Deserialize<AuditEntry>(json) is { } entry) results.Add(entry);
            if (results.Count >= limit) break;
        }
        return [.. results];
    }

    private static IEnumerable<string> Partitions(AuditEntry entry)
    {
        yield return "all";
        if (entry.DoorId is not null) yield return $"door|{entry.DoorId}";
        if (entry.StaffId is not null) yield return $"staff|{entry.StaffId}";
    }

    private static string RowKey(DateTimeOffset at, string eventId) => $"{InvertedTicks(at):D19}|{eventId}";

    private static long InvertedTicks(DateTimeOffset at) => DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks;

    private static string Escape(string value) => value.Replace("'", "''");

    private async Task EnsureTable(CancellationToken cancellationToken)
    {
        if (_created) return;
        await table.CreateIfNotExistsAsync(cancellationToken);
        _created = true;
    }
}
