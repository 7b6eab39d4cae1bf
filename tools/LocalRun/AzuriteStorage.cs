using System.Security.Cryptography;

namespace AccessGrid.LocalRun;

/// <summary>Where a private Azurite keeps its data, which ports it listens on (127.0.0.1) and its account. Starting
/// a new <see cref="AzuriteProcess"/> on the same storage brings the same data back on the same ports.</summary>
/// <param name="Temporary">Delete <paramref name="Location"/> when the process is disposed.</param>
public sealed record AzuriteStorage(string Location, string Account, string AccountKey, int BlobPort, int QueuePort, int TablePort, bool Temporary)
{
    // Azurite's well-known development account (public, documented by Microsoft; not a secret).
    private const string DevelopmentAccount = "devstoreaccount1";
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>A temporary folder, the development account, free ports; the folder goes when the process does.</summary>
    public static AzuriteStorage Scratch()
    {
        var ports = FreePorts.Take(3);
        return new(Directory.CreateTempSubdirectory("accessgrid-azurite-").FullName, DevelopmentAccount, DevelopmentKey,
            ports[0], ports[1], ports[2], Temporary: true);
    }

    /// <summary>Data kept in <paramref name="location"/> under an account with a random key, on free ports.</summary>
    public static AzuriteStorage Private(string location, string account)
    {
        var ports = FreePorts.Take(3);
        return new(location, account, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)), ports[0], ports[1], ports[2], Temporary: false);
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{Account};QueueEndpoint=http://127.0.0.1:{QueuePort}/{Account};"
        + $"TableEndpoint=http://127.0.0.1:{TablePort}/{Account};";
}
