using AccessGrid.Grains.Postgres;
using AccessGrid.LocalRun;
using Npgsql;

namespace AccessGrid.Gateway.Tests.Infrastructure;

/// <summary>A private PostgreSQL cluster with AccessGrid's schema migrated, for <see cref="PostgresFactAttribute"/> tests
/// (a class fixture, or one per test where tests must not see each other's rows). Starts nothing when the server
/// binaries are missing: the facts are skipped then.</summary>
public sealed class PrivatePostgres : IAsyncLifetime
{
    private PostgresProcess? _process;
    private NpgsqlDataSource? _database;

    public PostgresProcess Process => _process!;
    public NpgsqlDataSource Database => _database!;

    public async Task InitializeAsync()
    {
        if (PostgresProcess.FindBinaries() is null) return;
        _process = await PostgresProcess.StartAsync();
        _database = NpgsqlDataSource.Create(_process.ConnectionString);
        await PostgresSchema.Migrate(_database);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
        if (_process is not null) await _process.DisposeAsync();
    }
}
