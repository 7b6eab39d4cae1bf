using AccessGrid.Gateway.Throttling;
using AccessGrid.Silo;
using Microsoft.Extensions.Configuration;

namespace AccessGrid.Gateway.Tests;

/// <summary>The silo's own settings (probe timeout, AccessGrid:RateLimits): defaults, and one clear line for a value that cannot work.</summary>
public sealed class SiloSettingsTests
{
    private static SiloSettings From(params (string Key, string Value)[] values) => SiloSettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());

    [Fact]
    public void Silos_probe_each_other_every_two_seconds_unless_told_otherwise()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), From().ProbeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), From(("Silo:ProbeTimeout", "00:00:05")).ProbeTimeout);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("00:00:00")]
    [InlineData("-00:00:02")]
    public void A_probe_timeout_that_is_not_a_positive_time_span_is_refused_by_name(string value)
    {
        var error = Assert.Throws<SiloConfigurationException>(() => From(("Silo:ProbeTimeout", value)));
        Assert.Contains("Silo:ProbeTimeout", error.Message);
    }

    [Fact]
    public void Rate_limit_defaults_apply_unless_a_limit_is_set()
    {
        Assert.Equal(new RateLimitSettings(), From().RateLimits);
        Assert.Equal(5, From(("AccessGrid:RateLimits:DoorDecisionsPerSecond", "5")).RateLimits.DoorDecisionsPerSecond);
        Assert.Equal(TimeSpan.FromMinutes(5), From(("AccessGrid:RateLimits:FailedAuthWindow", "00:05:00")).RateLimits.FailedAuthWindow);
    }

    [Theory]
    [InlineData("FailedAuthPerAddress", "0")]
    [InlineData("FailedAuthPerAddress", "many")]
    [InlineData("FailedAuthWindow", "00:00:00")]
    [InlineData("FailedAuthWindow", "a minute")]
    [InlineData("ReaderKeyDecisionsPerSecond", "-1")]
    [InlineData("DoorDecisionsPerSecond", "2.5")]
    [InlineData("DecisionQueue", "-3")]
    public void A_limit_that_cannot_work_is_refused_at_start_by_name(string setting, string value)
    {
        var error = Assert.Throws<SiloConfigurationException>(() => From(($"AccessGrid:RateLimits:{setting}", value)));
        Assert.Contains($"AccessGrid:RateLimits:{setting}", error.Message);
        Assert.Contains(value, error.Message);
        Assert.Equal(error.Message, StartupFailure.Explain(error));
    }

    [Fact]
    public void Telemetry_stays_on_the_machine_unless_an_otlp_url_is_given()
    {
        Assert.Null(From().OtlpEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:4317"), From(("Telemetry:OtlpEndpoint", "http://127.0.0.1:4317")).OtlpEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:4318"), From(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318")).OtlpEndpoint);
        var error = Assert.Throws<SiloConfigurationException>(() => From(("Telemetry:OtlpEndpoint", "collector:4317")));
        Assert.Contains("Telemetry:OtlpEndpoint", error.Message);
    }

    [Fact]
    public void The_postgresql_profile_clusters_through_its_database_unless_told_otherwise()
    {
        const string postgres = "Host=127.0.0.1;Database=accessgrid";
        Assert.Equal(ClusteringMode.Localhost, From().Clustering);
        Assert.Equal(ClusteringMode.Postgres, From(("Storage:Provider", "Postgres"), ("ConnectionStrings:Postgres", postgres)).Clustering);
        Assert.Equal(ClusteringMode.Localhost,
            From(("Storage:Provider", "Postgres"), ("ConnectionStrings:Postgres", postgres), ("Silo:Clustering", "Localhost")).Clustering);
        Assert.Equal(ClusteringMode.Postgres, From(("Silo:Clustering", "postgres"), ("ConnectionStrings:Postgres", postgres)).Clustering);
        Assert.True(From(("Silo:Clustering", "Postgres"), ("ConnectionStrings:Postgres", postgres)).UsesPostgres);
    }

    [Theory]
    [InlineData("Silo:Clustering", "Postgres", "ConnectionStrings:Postgres")]
    [InlineData("Silo:Clustering", "Consul", "Silo:Clustering")]
    [InlineData("Silo:Clustering", "7", "Silo:Clustering")]
    public void A_clustering_that_cannot_work_is_refused_at_start_by_name(string setting, string value, string named)
    {
        var error = Assert.Throws<SiloConfigurationException>(() => From((setting, value)));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void A_database_lost_while_joining_the_cluster_is_one_line_naming_the_setting()
    {
        var failure = new InvalidOperationException("join failed", new AccessGrid.Grains.StorageUnavailableException("PostgreSQL is unavailable: refused"));
        Assert.Contains("ConnectionStrings:Postgres", StartupFailure.Explain(failure));
    }
}
