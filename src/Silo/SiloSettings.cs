using System.Globalization;
using System.Net;
using AccessGrid.Gateway.Throttling;
using AccessGrid.Vision;

namespace AccessGrid.Silo;

/// <summary>How this silo joins its cluster.</summary>
public enum ClusteringMode
{
    /// <summary>One silo on this machine, membership in memory (the default).</summary>
    Localhost,
    /// <summary>Membership in the Azure Table of the storage account: several silos form one cluster.</summary>
    AzureTable,
    /// <summary>Membership in the PostgreSQL database (<c>ConnectionStrings:Postgres</c>): several silos form one
    /// cluster. The default when <c>Storage:Provider</c> is Postgres.</summary>
    Postgres,
}

/// <summary>The host's configuration, read from appsettings, environment (e.g. <c>ConnectionStrings__AzureStorage</c>,
/// <c>Silo__Clustering</c>) and the command line (e.g. <c>--Silo:SiloPort=11112</c>).</summary>
public sealed record SiloSettings
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public required string Urls { get; init; }
    public required string StorageConnectionString { get; init; }
    /// <summary>Azure Storage (the default) or PostgreSQL (<c>Storage:Provider</c>).</summary>
    public StorageProvider Storage { get; init; }
    /// <summary><c>ConnectionStrings:Postgres</c>, required with <see cref="StorageProvider.Postgres"/>.</summary>
    public string? PostgresConnectionString { get; init; }
    /// <summary><c>Silo:Clustering</c>; unset: Postgres on the PostgreSQL profile, else Localhost.</summary>
    public ClusteringMode Clustering { get; init; }

    /// <summary>Whether the storage or the membership lives in PostgreSQL, so the silo opens and migrates it at start.</summary>
    public bool UsesPostgres => Storage == StorageProvider.Postgres || Clustering == ClusteringMode.Postgres;
    public int SiloPort { get; init; }
    public int GatewayPort { get; init; }
    /// <summary>The address other silos reach this one at (loopback unless the cluster spans machines).</summary>
    public required IPAddress AdvertisedAddress { get; init; }
    public required string ClusterId { get; init; }
    public required string ServiceId { get; init; }
    /// <summary>Where the first-start admin key is written.</summary>
    public required string AdminKeyFile { get; init; }
    /// <summary>How often silos probe each other; three missed probes suspect a silo. Orleans' 5 s default leaves the
    /// doors whose grains lived on a crashed silo answering 503 for 10–15 s; 2 s brings that down to about 5 s.</summary>
    public required TimeSpan ProbeTimeout { get; init; }
    /// <summary>Throttling of failed authentications and of decisions (<c>AccessGrid:RateLimits</c>).</summary>
    public required RateLimitSettings RateLimits { get; init; }
    /// <summary>Where to push metrics and traces over OTLP (<c>Telemetry:OtlpEndpoint</c> or the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); null keeps telemetry on this machine (<c>/metrics</c> only).</summary>
    public Uri? OtlpEndpoint { get; init; }

    public static SiloSettings From(IConfiguration configuration)
    {
        var silo = configuration.GetSection("Silo");
        var clustering = silo["Clustering"];
        var address = silo["AdvertisedAddress"];
        var provider = NonEmpty(configuration["Storage:Provider"]);
        var storage = provider is null ? StorageProvider.AzureStorage
            : Enum.TryParse<StorageProvider>(provider, ignoreCase: true, out var p) && Enum.IsDefined(p) ? p
            : throw new SiloConfigurationException($"Storage:Provider must be AzureStorage or Postgres, not '{provider}'.");
        var postgres = NonEmpty(configuration.GetConnectionString("Postgres"));
        if (storage == StorageProvider.Postgres && postgres is null)
            throw new SiloConfigurationException("ConnectionStrings:Postgres must be set when Storage:Provider is Postgres.");
        // The database the state is in can hold the membership too, so a PostgreSQL site clusters through it unless told otherwise.
        var mode = clustering is null ? storage == StorageProvider.Postgres ? ClusteringMode.Postgres : ClusteringMode.Localhost
            : Enum.TryParse<ClusteringMode>(clustering, ignoreCase: true, out var m) && Enum.IsDefined(m) ? m
            : throw new SiloConfigurationException($"Silo:Clustering must be Localhost, AzureTable or Postgres, not '{clustering}'.");
        if (mode == ClusteringMode.Postgres && postgres is null)
            throw new SiloConfigurationException("ConnectionStrings:Postgres must be set when Silo:Clustering is Postgres.");
        return new SiloSettings
        {
            Urls = NonEmpty(configuration["urls"]) ?? DefaultUrls,
            StorageConnectionString = NonEmpty(configuration.GetConnectionString("AzureStorage")) ?? DevelopmentStorage,
            Storage = storage,
            PostgresConnectionString = postgres,
            Clustering = mode,
            SiloPort = silo.GetValue("SiloPort", 11111),
            GatewayPort = silo.GetValue("GatewayPort", 30000),
            AdvertisedAddress = address is null ? IPAddress.Loopback
                : IPAddress.TryParse(address, out var ip) ? ip
                : throw new SiloConfigurationException($"Silo:AdvertisedAddress '{address}' is not an IP address."),
            ClusterId = NonEmpty(silo["ClusterId"]) ?? "accessgrid",
            ServiceId = NonEmpty(silo["ServiceId"]) ?? "accessgrid",
            AdminKeyFile = NonEmpty(configuration["AccessGrid:AdminKeyFile"]) ?? Path.Combine(ModelStore.Home, "admin.key"),
            ProbeTimeout = NonEmpty(silo["ProbeTimeout"]) is not { } probe ? TimeSpan.FromSeconds(2)
                : TimeSpan.TryParse(probe, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span
                : throw new SiloConfigurationException($"Silo:ProbeTimeout must be a positive time span (e.g. 00:00:02), not '{probe}'."),
            RateLimits = ReadRateLimits(configuration),
            OtlpEndpoint = NonEmpty(configuration["Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) is not { } otlp ? null
                : Uri.TryCreate(otlp, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
                : throw new SiloConfigurationException($"Telemetry:OtlpEndpoint (OTEL_EXPORTER_OTLP_ENDPOINT) must be an http(s) URL, not '{otlp}'."),
        };
    }

    /// <summary>What the storage is, without the secret the connection string may hold.</summary>
    public string StorageDescription
    {
        get
        {
            if (Storage == StorageProvider.Postgres && new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString) is var pg)
                return $"PostgreSQL {pg.Host}:{pg.Port}/{pg.Database}";
            if (StorageConnectionString.Contains(DevelopmentStorage, StringComparison.OrdinalIgnoreCase)) return "Azurite (development storage)";
            var parts = StorageConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
                .DistinctBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            return parts.TryGetValue("TableEndpoint", out var tables) ? $"tables at {tables}"
                : parts.TryGetValue("AccountName", out var account) ? $"account {account}"
                : "Azure Storage";
        }
    }

    private static RateLimitSettings ReadRateLimits(IConfiguration configuration)
    {
        try
        {
            return RateLimitSettings.From(configuration);
        }
        catch (FormatException e)
        {
            throw new SiloConfigurationException(e.Message);
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
