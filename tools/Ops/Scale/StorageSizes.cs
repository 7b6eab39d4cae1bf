using Npgsql;

namespace AccessGrid.Ops.Scale;

/// <summary>What the people take in PostgreSQL: the staff grain states (their stored column size) and the index
/// snapshots.</summary>
public static class StorageSizes
{
    public static async Task<(long StaffState, long Snapshots)> Measure(string connectionString, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await Query(connectionString, ct); }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.TooManyConnections && attempt < 30)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), ct); // the silo's pool lets idle connections go within minutes
            }
        }
    }

    private static async Task<(long StaffState, long Snapshots)> Query(string connectionString, CancellationToken ct)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var staff = database.CreateCommand("select coalesce(sum(pg_column_size(data) + pg_column_size(grain_id)), 0)::bigint from grain_state where state_name = 'staff/staff'");
        await using var snapshots = database.CreateCommand("select coalesce(sum(pg_column_size(data)), 0)::bigint from index_snapshot");
        return ((long)(await staff.ExecuteScalarAsync(ct))!, (long)(await snapshots.ExecuteScalarAsync(ct))!);
    }
}
