using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;

namespace AccessGrid.Grains.Postgres;

/// <summary>Orleans cluster membership in two PostgreSQL tables (schema version 2): one version row per cluster
/// (<c>membership_version</c>) and one row per silo incarnation (<c>membership</c>). The table's ETag is its version
/// number: a write names the version it read and moves it to the caller's next version in the same transaction as the
/// row, so two silos that read the same version cannot both write (the version row serialises them). A row's ETag is
/// its own counter, moved by every <see cref="UpdateRow"/> and left alone by the heartbeat (<see cref="UpdateIAmAlive"/>),
/// as the contract allows. Outages surface as <see cref="StorageUnavailableException"/>; Orleans retries membership
/// calls, so a database that goes away stalls membership changes instead of stopping the silo.</summary>
public sealed class PostgresMembershipTable(NpgsqlDataSource database, IOptions<ClusterOptions> cluster) : IMembershipTable
{
    private const string Columns = "address, status, proxy_port, host_name, silo_name, role_name, update_zone, fault_zone, start_time, i_am_alive, suspecters, suspect_times, etag";
    private readonly string _clusterId = cluster.Value.ClusterId;

    public Task InitializeMembershipTable(bool tryInitTableVersion) => Outages(async () =>
    {
        if (!tryInitTableVersion) return true;
        await using var create = database.CreateCommand("insert into membership_version (cluster_id, version) values ($1, 0) on conflict do nothing");
        create.Parameters.Add(new() { Value = _clusterId });
        await create.ExecuteNonQueryAsync();
        return true;
    });

    public Task DeleteMembershipTableEntries(string clusterId) => Outages(async () =>
    {
        await using var delete = database.CreateCommand("with rows as (delete from membership where cluster_id = $1) delete from membership_version where cluster_id = $1");
        delete.Parameters.Add(new() { Value = clusterId });
        await delete.ExecuteNonQueryAsync();
        return true;
    });

    /// <summary>Deletes this cluster's dead silos last heard of (alive, started or suspected) before <paramref name="beforeDate"/>.</summary>
    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => Outages(async () =>
    {
        await using var delete = database.CreateCommand("""
            delete from membership where cluster_id = $1 and status = 'Dead'
                and greatest(i_am_alive, start_time, (select max(t) from unnest(suspect_times) t)) < $2
            """);
        delete.Parameters.Add(new() { Value = _clusterId });
        delete.Parameters.Add(new() { Value = beforeDate.UtcDateTime });
        await delete.ExecuteNonQueryAsync();
        return true;
    });

    public Task<MembershipTableData> ReadRow(SiloAddress key) => Outages(() => Read(key));

    public Task<MembershipTableData> ReadAll() => Outages(() => Read(null));

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => Outages(async () =>
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await MoveVersion(connection, tableVersion)) return false;
        await using var insert = new NpgsqlCommand($"""
            insert into membership (cluster_id, {Columns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0)
            on conflict do nothing
            """, connection);
        AddEntry(insert, entry);
        if (await insert.ExecuteNonQueryAsync() == 0) return false; // the silo has a row already; disposing rolls back
        await transaction.CommitAsync();
        return true;
    });

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => Outages(async () =>
    {
        if (!int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var rowVersion)) return false;
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await MoveVersion(connection, tableVersion)) return false;
        await using var update = new NpgsqlCommand("""
            update membership set status = $3, proxy_port = $4, host_name = $5, silo_name = $6, role_name = $7, update_zone = $8,
                fault_zone = $9, start_time = $10, i_am_alive = $11, suspecters = $12, suspect_times = $13, etag = etag + 1
            where cluster_id = $1 and address = $2 and etag = $14
            """, connection);
        AddEntry(update, entry);
        update.Parameters.Add(new() { Value = rowVersion });
        if (await update.ExecuteNonQueryAsync() == 0) return false;
        await transaction.CommitAsync();
        return true;
    });

    /// <summary>The heartbeat: only the silo's own alive time, no ETag moved.</summary>
    public Task UpdateIAmAlive(MembershipEntry entry) => Outages(async () =>
    {
        await using var update = database.CreateCommand("update membership set i_am_alive = $3 where cluster_id = $1 and address = $2");
        update.Parameters.Add(new() { Value = _clusterId });
        update.Parameters.Add(new() { Value = entry.SiloAddress.ToParsableString() });
        update.Parameters.Add(new() { Value = Utc(entry.IAmAliveTime) });
        await update.ExecuteNonQueryAsync();
        return true;
    });

    // The caller read version N (its ETag) and asks for N+1; the update finds the row only while it is still at N.
    private async Task<bool> MoveVersion(NpgsqlConnection connection, TableVersion next)
    {
        if (!int.TryParse(next.VersionEtag, NumberStyles.None, CultureInfo.InvariantCulture, out var read)) return false;
        await using var move = new NpgsqlCommand("update membership_version set version = $3 where cluster_id = $1 and version = $2", connection);
        move.Parameters.Add(new() { Value = _clusterId });
        move.Parameters.Add(new() { Value = read });
        move.Parameters.Add(new() { Value = next.Version });
        return await move.ExecuteNonQueryAsync() == 1;
    }

    // One statement, so the rows and the version come from one snapshot (the contract's "read atomically").
    private async Task<MembershipTableData> Read(SiloAddress? silo)
    {
        await using var read = database.CreateCommand($"""
            select v.version, {string.Join(", ", Columns.Split(", ").Select(c => "m." + c))}
            from membership_version v left join membership m on m.cluster_id = v.cluster_id and ($2::text is null or m.address = $2)
            where v.cluster_id = $1
            """);
        read.Parameters.Add(new() { Value = _clusterId });
        read.Parameters.Add(new() { Value = (object?)silo?.ToParsableString() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await read.ExecuteReaderAsync();
        var rows = new List<Tuple<MembershipEntry, string>>();
        var version = 0;
        while (await reader.ReadAsync())
        {
            version = reader.GetInt32(0);
            if (!reader.IsDBNull(1)) rows.Add(Tuple.Create(ToEntry(reader), reader.GetInt32(13).ToString(CultureInfo.InvariantCulture)));
        }
        // No version row yet (nobody initialised the cluster): version 0, which no write can match until one is made.
        return new MembershipTableData(rows, new TableVersion(version, version.ToString(CultureInfo.InvariantCulture)));
    }

    private static MembershipEntry ToEntry(NpgsqlDataReader row)
    {
        var suspecters = row.GetFieldValue<string[]>(11);
        var times = row.GetFieldValue<DateTime[]>(12);
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.FromParsableString(row.GetString(1)),
            Status = Enum.Parse<SiloStatus>(row.GetString(2)),
            ProxyPort = row.GetInt32(3),
            HostName = row.GetString(4),
            SiloName = row.GetString(5),
            RoleName = row.IsDBNull(6) ? null! : row.GetString(6),
            UpdateZone = row.GetInt32(7),
            FaultZone = row.GetInt32(8),
            StartTime = row.GetDateTime(9),
            IAmAliveTime = row.GetDateTime(10),
            SuspectTimes = [.. suspecters.Zip(times, (s, t) => Tuple.Create(SiloAddress.FromParsableString(s), t))],
        };
    }

    // Parameters $1..$13 in the order of cluster_id + Columns (without the etag).
    private void AddEntry(NpgsqlCommand command, MembershipEntry entry)
    {
        var suspects = entry.SuspectTimes ?? [];
        command.Parameters.Add(new() { Value = _clusterId });
        command.Parameters.Add(new() { Value = entry.SiloAddress.ToParsableString() });
        command.Parameters.Add(new() { Value = entry.Status.ToString() });
        command.Parameters.Add(new() { Value = entry.ProxyPort });
        command.Parameters.Add(new() { Value = entry.HostName ?? "" });
        command.Parameters.Add(new() { Value = entry.SiloName ?? "" });
        command.Parameters.Add(new() { Value = (object?)entry.RoleName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = entry.UpdateZone });
        command.Parameters.Add(new() { Value = entry.FaultZone });
        command.Parameters.Add(new() { Value = Utc(entry.StartTime) });
        command.Parameters.Add(new() { Value = Utc(entry.IAmAliveTime) });
        command.Parameters.Add(new() { Value = suspects.Select(s => s.Item1.ToParsableString()).ToArray() });
        command.Parameters.Add(new() { Value = suspects.Select(s => Utc(s.Item2)).ToArray() });
    }

    // Orleans stamps membership times with DateTime.UtcNow; a time of another kind is taken as UTC, never shifted twice.
    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    // Methods without a result return this Task<bool> as their Task.
    private static Task<T> Outages<T>(Func<Task<T>> operation) => PostgresFailureFilter.Translate(operation());
}
