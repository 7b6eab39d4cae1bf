using Npgsql;

namespace AccessGrid.Grains.Postgres;

/// <summary>Face images as bytea rows: <c>face_snapshot</c> (by event id, with the named person and the time, both
/// indexed for erasure and retention) and <c>face_thumbnail</c> (by person and template). A deleted row's bytes are
/// reclaimed at PostgreSQL's next vacuum (docs/security.md).</summary>
public sealed class PostgresFaceImageStore(NpgsqlDataSource database) : IFaceImageStore
{
    public async Task PutSnapshot(DecisionSnapshot snapshot, CancellationToken cancellationToken = default) =>
        await Execute("insert into face_snapshot (event_id, door_id, staff_id, taken_at, jpeg) values ($1, $2, $3, $4, $5) "
            + "on conflict (event_id) do update set jpeg = excluded.jpeg", cancellationToken,
            snapshot.EventId, snapshot.DoorId, (object?)snapshot.StaffId ?? DBNull.Value, snapshot.TakenAt.ToUniversalTime(), snapshot.Jpeg);

    public Task<byte[]?> GetSnapshot(string eventId, CancellationToken cancellationToken = default) =>
        Read("select jpeg from face_snapshot where event_id = $1", cancellationToken, eventId);

    public Task<int> DeleteSnapshotsNaming(string staffId, CancellationToken cancellationToken = default) =>
        Execute("delete from face_snapshot where staff_id = $1", cancellationToken, staffId);

    public Task<int> DeleteSnapshotsTakenBefore(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        Execute("delete from face_snapshot where taken_at < $1", cancellationToken, cutoff.ToUniversalTime());

    public async Task PutThumbnail(string staffId, Guid templateId, byte[] jpeg, CancellationToken cancellationToken = default) =>
        await Execute("insert into face_thumbnail (staff_id, template_id, jpeg) values ($1, $2, $3) "
            + "on conflict (staff_id, template_id) do update set jpeg = excluded.jpeg", cancellationToken, staffId, templateId, jpeg);

    public Task<byte[]?> GetThumbnail(string staffId, Guid templateId, CancellationToken cancellationToken = default) =>
        Read("select jpeg from face_thumbnail where staff_id = $1 and template_id = $2", cancellationToken, staffId, templateId);

    public async Task DeleteThumbnail(string staffId, Guid templateId, CancellationToken cancellationToken = default) =>
        await Execute("delete from face_thumbnail where staff_id = $1 and template_id = $2", cancellationToken, staffId, templateId);

    public async Task DeleteThumbnails(string staffId, CancellationToken cancellationToken = default) =>
        await Execute("delete from face_thumbnail where staff_id = $1", cancellationToken, staffId);

    private async Task<int> Execute(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = Command(sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<byte[]?> Read(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = Command(sql, values);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    private NpgsqlCommand Command(string sql, object[] values)
    {
        var command = database.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
