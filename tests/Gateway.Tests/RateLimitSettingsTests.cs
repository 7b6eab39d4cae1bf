using AccessGrid.Gateway.Throttling;
using AccessGrid.Silo;
using Microsoft.Extensions.Configuration;

namespace AccessGrid.Gateway.Tests;

/// <summary>AccessGrid:RateLimits: defaults that never slow a normal reader, and one clear line for a value that cannot work.</summary>
public sealed class RateLimitSettingsTests
{
    private static SiloSettings From(params (string Key, string Value)[] values) => SiloSettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());

    [Fact]
    public void The_defaults_apply_unless_a_limit_is_set()
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
}
