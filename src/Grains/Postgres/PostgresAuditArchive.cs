using Npgsql;

namespace AccessGrid.Grains.Postgres;

/// <summary>Archived audit days as gzip-compressed rows (the same bytes <see cref="BlobAuditArchive"/> writes).</summary>
public sealed class PostgresAuditArchive(NpgsqlDataSource database) : IAuditArchive
{
    public async Task Write(ArchivedAuditDay day, CancellationToken cancellationToken = default)
    {
        await using var write = database.CreateCommand("insert into audit_archive (chain, data) values ($1, $2) on conflict (chain) do update set data = excluded.data");
        write.Parameters.Add(new() { Value = day.Head.Chain });
        write.Parameters.Add(new() { Value = day.Compress() });
        await write.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ArchivedAuditDay?> Read(string chain, CancellationToken cancellationToken = default)
    {
        await using var read = database.CreateCommand("select data from audit_archive where chain = $1");
        read.Parameters.Add(new() { Value = chain });
        return await read.ExecuteScalarAsync(cancellationToken) is byte[] data ? ArchivedAuditDay.Decompress(new MemoryStream(data)) : null;
    }

    public async Task<string[]> Days(CancellationToken cancellationToken = default)
    {
        await using var list = database.CreateCommand("select chain from audit_archive");
        await using var reader = await list.ExecuteReaderAsync(cancellationToken);
        var days = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) days.Add(reader.GetString(0));
        return [.. days];
    }

    public async Task Delete(string chain, CancellationToken cancellationToken = default)
    {
        await using var delete = database.CreateCommand("delete from audit_archive where chain = $1");
        delete.Parameters.Add(new() { Value = chain });
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }
}
