using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace AccessGrid.Grains.Postgres;

/// <summary>The audit log in PostgreSQL: one row per entry (its JSON once, keyed by chain and sequence, with its time
/// for ranges) and one head row per chain, written in one transaction. Door and person queries use expression indexes
/// on the JSON, so there are no index copies.</summary>
public sealed class PostgresAuditStore(NpgsqlDataSource database) : IAuditStore
{
    public async Task Append(IReadOnlyList<AuditEntry> entries, AuditChainHead head, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var expected = head.Count - entries.Count;
        // The head moves only from the count this writer read: a second writer of the chain fails here.
        await using (var move = expected == 0
            ? new NpgsqlCommand("insert into audit_head (chain, count, last_hash, previous_chain) values ($1, $2, $3, $4) on conflict do nothing", connection, transaction)
            : new NpgsqlCommand("update audit_head set count = $2, last_hash = $3 where chain = $1 and count = $5", connection, transaction))
        {
            move.Parameters.Add(new() { Value = head.Chain });
            move.Parameters.Add(new() { Value = head.Count });
            move.Parameters.Add(new() { Value = head.LastHash });
            move.Parameters.Add(new() { Value = (object?)head.PreviousChain ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            if (expected != 0) move.Parameters.Add(new() { Value = expected });
            if (await move.ExecuteNonQueryAsync(cancellationToken) != 1)
                throw new InvalidOperationException($"Audit chain {head.Chain} moved: another writer appended since this one read its head.");
        }
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var entry in entries)
        {
            var insert = new NpgsqlBatchCommand("insert into audit_entry (chain, sequence, at, event_id, entry) values ($1, $2, $3, $4, $5)");
            insert.Parameters.Add(new() { Value = entry.Seal!.Chain });
            insert.Parameters.Add(new() { Value = entry.Seal.Sequence });
            insert.Parameters.Add(new() { Value = entry.Timestamp.ToUniversalTime() });
            insert.Parameters.Add(new() { Value = entry.EventId });
            insert.Parameters.Add(new() { Value = JsonSerializer.Serialize(entry), NpgsqlDbType = NpgsqlDbType.Jsonb });
            batch.BatchCommands.Add(insert);
        }
        await using (batch) await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<AuditEntry[]> Query(AuditQuery query, CancellationToken cancellationToken = default)
    {
        // Only the filters asked for, so that the planner sees `entry->>'StaffId' = $n` (or the door's) as it is and
        // walks that expression index backwards from `to` (a person's month out of 10 million rows reads that month's
        // rows, not the table); an "$n is null or …" form would let a generic plan fall back to a scan.
        await using var select = database.CreateCommand();
        List<string> where = [];
        void Filter(string condition, object value, NpgsqlDbType type)
        {
            select.Parameters.Add(new() { Value = value, NpgsqlDbType = type });
            where.Add(condition.Replace("$", "$" + select.Parameters.Count, StringComparison.Ordinal));
        }
        if (query.DoorId is { } door) Filter("entry->>'DoorId' = $", door, NpgsqlDbType.Text);
        if (query.StaffId is { } staff) Filter("entry->>'StaffId' = $", staff, NpgsqlDbType.Text);
        if (query.From is { } from) Filter("at >= $", from.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        if (query.To is { } to) Filter("at < $", to.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        if (query.Kind is { } kind) Filter("entry->>'Kind' = $", JsonSerializer.Serialize(kind).Trim('"'), NpgsqlDbType.Text);
        select.Parameters.Add(new() { Value = AuditFilter.Limit(query) });
        select.CommandText = $"select entry::text from audit_entry {(where.Count > 0 ? "where " + string.Join(" and ", where) : "")} "
            + $"order by at desc, event_id desc limit ${select.Parameters.Count}";
        var results = new List<AuditEntry>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            if (JsonSerializer.Deserialize<AuditEntry>(reader.GetString(0)) is { } entry) results.Add(entry);
        return [.. results];
    }

    // Read when a chain writer activates, outside any grain call: outages are translated here.
    public async Task<AuditChainHead?> ReadHead(string chain, CancellationToken cancellationToken = default) =>
        (await PostgresFailureFilter.Translate(Heads("where chain = $1", chain, cancellationToken))).SingleOrDefault();

    public async Task<AuditChainHead[]> ReadHeads(CancellationToken cancellationToken = default) => await Heads("", null, cancellationToken);

    public async Task<StoredAuditRow[]> ReadRows(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var select = database.CreateCommand("select chain, sequence, at, event_id, entry::text from audit_entry where at >= $1 and at < $2");
        select.Parameters.Add(new() { Value = from.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        select.Parameters.Add(new() { Value = to.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var rows = new List<StoredAuditRow>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (chain, sequence, at, eventId) = (reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3));
            AuditEntry? entry = null;
            try
            {
                entry = JsonSerializer.Deserialize<AuditEntry>(reader.GetString(4));
            }
            catch (JsonException)
            {
            }
            // The key columns must fit the entry they hold, as a Table row key must.
            var problem = entry is null ? "the row does not hold a readable entry"
                : entry.Seal?.Chain != chain || entry.Seal.Sequence != sequence || entry.EventId != eventId || entry.Timestamp.UtcTicks / 10 != at.UtcTicks / 10
                    ? "the row's key does not fit the entry it holds (moved or swapped)" : null;
            rows.Add(new StoredAuditRow($"audit_entry/{chain}#{sequence}", null, entry, problem));
        }
        return [.. rows];
    }

    public async Task RemoveDay(string chain, bool keepHead, CancellationToken cancellationToken = default)
    {
        await using var delete = database.CreateBatch();
        foreach (var table in keepHead ? ["audit_entry"] : new[] { "audit_entry", "audit_head" })
        {
            var command = new NpgsqlBatchCommand($"delete from {table} where chain = $1");
            command.Parameters.Add(new() { Value = chain });
            delete.BatchCommands.Add(command);
        }
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public IEnumerable<string> CopiesOf(AuditEntry entry) => [];

    private async Task<AuditChainHead[]> Heads(string where, string? chain, CancellationToken cancellationToken)
    {
        await using var select = database.CreateCommand($"select chain, count, last_hash, previous_chain from audit_head {where}");
        if (chain is not null) select.Parameters.Add(new() { Value = chain });
        var heads = new List<AuditChainHead>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            heads.Add(new AuditChainHead(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return [.. heads];
    }
}
