using AccessGrid.Grains.Postgres;
using Npgsql;

namespace AccessGrid.Silo;

/// <summary>Opens the PostgreSQL profile's database and brings its schema up to date before the silo starts, so a
/// wrong or unreachable connection string stops the silo at start with one line naming the setting.</summary>
public static class PostgresStartup
{
    public static NpgsqlDataSource Open(string connectionString)
    {
        NpgsqlDataSource database;
        try
        {
            database = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new SiloConfigurationException($"ConnectionStrings:Postgres is not a valid PostgreSQL connection string: {e.Message}");
        }
        try
        {
            PostgresSchema.Migrate(database).GetAwaiter().GetResult();
            return database;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            database.Dispose();
            throw new SiloConfigurationException($"ConnectionStrings:Postgres: cannot open the database or migrate its schema ({e.Message}).");
        }
    }
}
