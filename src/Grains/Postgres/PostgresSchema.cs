using Npgsql;

namespace AccessGrid.Grains.Postgres;

/// <summary>The PostgreSQL schema as numbered migrations, applied in order at silo start inside one transaction each
/// and recorded in <c>accessgrid_schema</c>; a database already at the newest version is left alone. Append new steps,
/// never edit applied ones.</summary>
public static class PostgresSchema
{
    private static readonly string[] Migrations =
    [
        // 1: grain state (ETag = version), the audit (entries keyed by chain and sequence, heads, archived days) and
        // index snapshots. Audit entries keep their JSON once; door and person lookups are expression indexes on it.
        """
        create table grain_state (state_name text not null, grain_id text not null, version integer not null, data bytea not null,
            primary key (state_name, grain_id));
        create table audit_entry (chain text not null, sequence bigint not null, at timestamptz not null, event_id text not null,
            entry jsonb not null, primary key (chain, sequence));
        create index audit_entry_at on audit_entry (at desc, event_id desc);
        create index audit_entry_door on audit_entry ((entry->>'DoorId'), at desc) where entry->>'DoorId' is not null;
        create index audit_entry_staff on audit_entry ((entry->>'StaffId'), at desc) where entry->>'StaffId' is not null;
        create table audit_head (chain text primary key, count bigint not null, last_hash text not null, previous_chain text);
        create table audit_archive (chain text primary key, data bytea not null);
        create table index_snapshot (shard integer primary key, data bytea not null);
        """,
        // 2: Orleans cluster membership (PostgresMembershipTable): a version row per cluster, whose number is the table's
        // ETag, and a row per silo incarnation ("ip:port@generation") with its own ETag counter.
        """
        create table membership_version (cluster_id text primary key, version integer not null);
        create table membership (cluster_id text not null, address text not null, status text not null, proxy_port integer not null,
            host_name text not null, silo_name text not null, role_name text, update_zone integer not null, fault_zone integer not null,
            start_time timestamptz not null, i_am_alive timestamptz not null, suspecters text[] not null, suspect_times timestamptz[] not null,
            etag integer not null, primary key (cluster_id, address));
        """,
    ];

    /// <summary>The version this build expects.</summary>
    public static int Latest => Migrations.Length;

    /// <summary>Applies every missing migration; returns the version before.</summary>
    public static async Task<int> Migrate(NpgsqlDataSource database, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand("create table if not exists accessgrid_schema (version integer primary key, applied_at timestamptz not null default now())", connection))
            await create.ExecuteNonQueryAsync(cancellationToken);
        var before = await Version(connection, cancellationToken);
        // An older build must not write into tables a newer one has reshaped.
        if (before > Migrations.Length)
            throw new InvalidOperationException($"the database's schema is version {before}, newer than this build's {Migrations.Length}; run the newer build");
        for (var version = before + 1; version <= Migrations.Length; version++)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var step = new NpgsqlCommand(Migrations[version - 1], connection, transaction)) await step.ExecuteNonQueryAsync(cancellationToken);
            // The primary key makes a second silo migrating at the same moment fail instead of applying a step twice.
            await using (var record = new NpgsqlCommand($"insert into accessgrid_schema (version) values ({version})", connection, transaction))
                await record.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return before;
    }

    private static async Task<int> Version(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var query = new NpgsqlCommand("select coalesce(max(version), 0) from accessgrid_schema", connection);
        return Convert.ToInt32(await query.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
