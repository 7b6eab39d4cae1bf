using System.Net.Sockets;
using Azure;

namespace AccessGrid.Silo;

/// <summary>Turns the ways a start commonly fails (bad setting, storage down, port taken) into one clear sentence
/// instead of a stack trace. Anything else is a bug and keeps its stack trace.</summary>
public static class StartupFailure
{
    public static string? Explain(Exception exception)
    {
        var chain = Flatten(exception).ToList();
        if (chain.OfType<SiloConfigurationException>().FirstOrDefault() is { } config) return config.Message;
        if (chain.OfType<SocketException>().Any(s => s.SocketErrorCode == SocketError.AddressAlreadyInUse)
            || chain.OfType<IOException>().Any(e => e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)))
            return "A port the silo needs is taken (web: --urls, silo: --Silo:SiloPort, gateway: --Silo:GatewayPort). Is another silo running?";
        // The database answered at start (PostgresStartup) but went away before the silo joined its cluster (only the
        // PostgreSQL profile raises StorageUnavailableException).
        if (chain.OfType<Npgsql.NpgsqlException>().Any() || chain.OfType<AccessGrid.Grains.StorageUnavailableException>().Any())
            return "PostgreSQL is not reachable (ConnectionStrings:Postgres). For local runs `./accessgrid up --storage postgres` starts it first.";
        if (chain.OfType<RequestFailedException>().Any() || chain.OfType<HttpRequestException>().Any())
            return "Azure Storage is not reachable (ConnectionStrings__AzureStorage). For local runs `./accessgrid up` starts Azurite first.";
        return null;
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : exception.InnerException is { } one ? [one] : [];
        foreach (var e in inner.SelectMany(Flatten)) yield return e;
    }
}
