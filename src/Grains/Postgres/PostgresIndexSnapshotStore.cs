using Npgsql;

namespace AccessGrid.Grains.Postgres;

/// <summary>Index snapshots as one bytea row per shard: a new generation replaces the row in one statement, so there
/// is never an older generation beside it (PostgreSQL reclaims the replaced row version at its next vacuum).</summary>
public sealed class PostgresIndexSnapshotStore(NpgsqlDataSource database) : IIndexSnapshotStore
{
    // Read when a shard activates, outside any grain call: outages are translated here.
    public Task<Stream?> OpenRead(int shard, CancellationToken cancellationToken = default) => PostgresFailureFilter.Translate(Read(shard, cancellationToken));

    private async Task<Stream?> Read(int shard, CancellationToken cancellationToken)
    {
        await using var read = database.CreateCommand("select data from index_snapshot where shard = $1");
        read.Parameters.Add(new() { Value = shard });
        return await read.ExecuteScalarAsync(cancellationToken) is byte[] data ? new MemoryStream(data, writable: false) : null;
    }

    public async Task Write(int shard, long generation, Stream snapshot, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await snapshot.CopyToAsync(buffer, cancellationToken);
        await using var write = database.CreateCommand("insert into index_snapshot (shard, data) values ($1, $2) on conflict (shard) do update set data = excluded.data");
        write.Parameters.Add(new() { Value = shard });
        write.Parameters.Add(new() { Value = buffer.ToArray() });
        await write.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task Delete(int shard, CancellationToken cancellationToken = default)
    {
        await using var delete = database.CreateCommand("delete from index_snapshot where shard = $1");
        delete.Parameters.Add(new() { Value = shard });
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }
}
