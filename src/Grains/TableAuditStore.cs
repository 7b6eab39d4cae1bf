using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace AccessGrid.Grains;

/// <summary>The audit log as Azure Table rows. Why rows and not a JournaledGrain: the log grows without bound and is
/// read by door, by staff and by time, while a grain's journal lives in one activation and is read from the start.
/// Each entry is written to up to three partitions ("all", "door|id", "staff|id"): rows are only ever inserted,
/// so this costs space, not consistency, and every query reads one partition. The row key is the inverted
/// timestamp, so a partition's natural order is newest first and a time range is a row-key range.
/// The "all" partition is the chain's own copy: its rows and the chain heads (row keys "~chain|yyyy-MM-dd", after
/// every timestamp) are written in one transaction, so an entry and the head that counts it land together.</summary>
public sealed class TableAuditStore(TableClient table) : IAuditStore
{
    public const string DefaultTable = "AccessGridAudit";
    private const string ChainPartition = "all";
    private const string HeadPrefix = "~chain|";
    /// <summary>A Table transaction holds at most 100 operations: 99 entries and the head.</summary>
    public const int MaxBatch = 99;

    private volatile bool _created;
    // The head's ETag as this silo last wrote or read it: a head moved by anyone else fails the next transaction.
    private readonly ConcurrentDictionary<string, ETag> _headTags = new(StringComparer.Ordinal);

    public async Task Append(IReadOnlyList<AuditEntry> entries, AuditChainHead head, CancellationToken cancellationToken = default)
    {
        if (entries.Count > MaxBatch) throw new ArgumentException($"At most {MaxBatch} entries per append.", nameof(entries));
        await EnsureTable(cancellationToken);
        // Index copies first: by the time the head counts an entry, its copies exist, so a check that reads the head
        // first never mistakes a copy in flight for a missing one.
        await Task.WhenAll(entries.SelectMany(e => CopiesOf(e).Select(p => table.UpsertEntityAsync(Row(p, e), TableUpdateMode.Replace, cancellationToken))));

        var headRow = new TableEntity(ChainPartition, HeadPrefix + head.Chain)
        {
            ["Count"] = head.Count,
            ["LastHash"] = head.LastHash,
            ["PreviousChain"] = head.PreviousChain,
        };
        List<TableTransactionAction> actions = [.. entries.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(ChainPartition, e)))];
        actions.Add(_headTags.TryGetValue(head.Chain, out var tag)
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, headRow, tag)
            : new TableTransactionAction(TableTransactionActionType.Add, headRow));
        try
        {
            var responses = await table.SubmitTransactionAsync(actions, cancellationToken);
            _headTags[head.Chain] = responses.Value[^1].Headers.ETag ?? ETag.All;
        }
        catch
        {
            _headTags.TryRemove(head.Chain, out _); // re-read on the next activation
            throw;
        }
    }

    public async Task<AuditEntry[]> Query(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await EnsureTable(cancellationToken);
        var partition = query.StaffId is not null ? $"staff|{query.StaffId}" : query.DoorId is not null ? $"door|{query.DoorId}" : ChainPartition;
        var filter = $"PartitionKey eq '{Escape(partition)}'";
        // Newer than To is a smaller inverted tick count; older than From a larger one.
        if (query.To is { } to) filter += $" and RowKey ge '{InvertedTicks(to) + 1:D19}'";
        if (query.From is { } from) filter += $" and RowKey lt '{InvertedTicks(from) + 1:D19}'";
        // Kind and a door within a person's partition are read from the entry: a row stores each field once.
        bool Wanted(AuditEntry e) => (query.Kind is not { } kind || e.Kind == kind)
            && (query.StaffId is null || query.DoorId is null || e.DoorId == query.DoorId);

        var limit = AuditFilter.Limit(query);
        var results = new List<AuditEntry>(Math.Min(limit, 256));
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            if (row.GetString("Entry") is { } json && JsonSerializer.Deserialize<AuditEntry>(json) is { } entry && Wanted(entry)) results.Add(entry);
            if (results.Count >= limit) break;
        }
        return [.. results];
    }

    public async Task<AuditChainHead?> ReadHead(string chain, CancellationToken cancellationToken = default)
    {
        await EnsureTable(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(ChainPartition, HeadPrefix + chain, cancellationToken: cancellationToken);
        if (!row.HasValue) return null;
        _headTags[chain] = row.Value!.ETag;
        return Head(row.Value);
    }

    public async Task<AuditChainHead[]> ReadHeads(CancellationToken cancellationToken = default)
    {
        await EnsureTable(cancellationToken);
        var heads = new List<AuditChainHead>();
        var filter = $"PartitionKey eq '{ChainPartition}' and RowKey ge '{HeadPrefix}' and RowKey lt '{HeadPrefix}~'";
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) heads.Add(Head(row));
        return [.. heads];
    }

    public async Task<StoredAuditRow[]> ReadRows(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await EnsureTable(cancellationToken);
        // Every partition: the chain's rows and their index copies (a scan; fine for a day at a time).
        var filter = $"RowKey ge '{InvertedTicks(to) + 1:D19}' and RowKey lt '{InvertedTicks(from) + 1:D19}'";
        var rows = new List<StoredAuditRow>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var location = $"{row.PartitionKey}/{row.RowKey}";
            var copyOf = row.PartitionKey == ChainPartition ? null : row.PartitionKey;
            AuditEntry? entry = null;
            try
            {
                entry = row.GetString("Entry") is { } json ? JsonSerializer.Deserialize<AuditEntry>(json) : null;
            }
            catch (JsonException)
            {
            }
            var problem = entry is null ? "the row does not hold a readable entry"
                : RowKey(entry.Timestamp, entry.EventId) != row.RowKey || (copyOf is not null && !CopiesOf(entry).Contains(copyOf))
                    ? "the row's key does not fit the entry it holds (moved or swapped)"
                    : null;
            rows.Add(new StoredAuditRow(location, copyOf, entry, problem));
        }
        return [.. rows];
    }

    public async Task RemoveDay(string chain, bool keepHead, CancellationToken cancellationToken = default)
    {
        await EnsureTable(cancellationToken);
        var start = AuditChain.Start(chain);
        var filter = $"RowKey ge '{InvertedTicks(start.AddDays(1)) + 1:D19}' and RowKey lt '{InvertedTicks(start) + 1:D19}'";
        var keys = new List<(string Partition, string Row)>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            keys.Add((row.PartitionKey, row.RowKey));
        // One transaction per partition and 100 rows: a crash leaves some rows behind, and the next run deletes them.
        foreach (var batch in keys.GroupBy(k => k.Partition).SelectMany(g => g.Chunk(100)))
            await table.SubmitTransactionAsync(batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.Partition, k.Row), ETag.All)), cancellationToken);
        if (!keepHead)
        {
            await table.DeleteEntityAsync(ChainPartition, HeadPrefix + chain, ETag.All, cancellationToken);
            _headTags.TryRemove(chain, out _);
        }
    }

    public IEnumerable<string> CopiesOf(AuditEntry entry)
    {
        if (entry.DoorId is not null) yield return $"door|{entry.DoorId}";
        if (entry.StaffId is not null) yield return $"staff|{entry.StaffId}";
    }

    /// <summary>The entry's canonical JSON and nothing else: the key already holds the time and the event id, the JSON
    /// everything else. (Rows written before issue 13 also carry Kind, DoorId, StaffId and At columns; they are ignored.)</summary>
    private static TableEntity Row(string partition, AuditEntry entry) => new(partition, RowKey(entry.Timestamp, entry.EventId))
    {
        ["Entry"] = JsonSerializer.Serialize(entry),
    };

    private static AuditChainHead Head(TableEntity row) => new(
        row.RowKey[HeadPrefix.Length..], row.GetInt64("Count") ?? 0, row.GetString("LastHash") ?? "", row.GetString("PreviousChain"));

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
