using System.Data.Common;
using Npgsql;

namespace AccessGrid.Grains.Postgres;

/// <summary>Turns a database failure inside any grain call into <see cref="StorageUnavailableException"/>: Npgsql's
/// exceptions have no Orleans codec, so crossing to another silo they became a codec error (and a 500) instead of the
/// 503 a passing outage deserves. Only outages count (Npgsql's transient errors, SQL states 08 "connection" and 57
/// "operator intervention", e.g. a server shutting down or starting up); anything else passes unchanged.</summary>
public sealed class PostgresFailureFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (AsOutage(e) is { } outage)
        {
            throw outage;
        }
    }

    /// <summary>For storage calls made outside any grain call (grain activation: state, chain heads, index snapshots),
    /// where this filter does not run.</summary>
    public static async Task<T> Translate<T>(Task<T> operation)
    {
        try
        {
            return await operation;
        }
        catch (Exception e) when (AsOutage(e) is { } outage)
        {
            throw outage;
        }
    }

    /// <summary>The outage <paramref name="e"/> stands for, or null when it is some other failure.</summary>
    public static StorageUnavailableException? AsOutage(Exception e) =>
        DatabaseFailure(e) is { } db ? new StorageUnavailableException($"PostgreSQL is unavailable: {db.Message}") : null;

    private static DbException? DatabaseFailure(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is DbException db && (db.IsTransient || db is PostgresException { SqlState: ['0', '8', ..] or ['5', '7', ..] })) return db;
        return null;
    }
}
