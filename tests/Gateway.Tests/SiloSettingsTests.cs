using AccessGrid.Silo;
using Microsoft.Extensions.Configuration;

namespace AccessGrid.Gateway.Tests;

/// <summary>The silo's own settings: defaults, and a clear refusal of a value that cannot work.</summary>
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
}
