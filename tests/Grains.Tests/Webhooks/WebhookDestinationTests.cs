using System.Net;
using AccessGrid.Grains.Webhooks;

namespace AccessGrid.Grains.Tests.Webhooks;

/// <summary>The send-time half of the destination rule: a host that is not listed must resolve to loopback only, so a
/// name re-pointed after registration (DNS rebinding) is refused.</summary>
public sealed class WebhookDestinationTests
{
    [Fact]
    public void A_name_resolving_to_loopback_only_may_be_reached()
    {
        IPAddress[] loopback = [IPAddress.Loopback, IPAddress.IPv6Loopback];
        Assert.Equal(loopback, WebhookDestination.RequireLoopback("localhost", loopback));
    }

    [Theory]
    [InlineData("10.0.0.7")]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    public void A_name_rebound_to_another_address_is_refused(string address)
    {
        var refused = Assert.Throws<WebhookRefusedException>(() =>
            WebhookDestination.RequireLoopback("localhost", [IPAddress.Loopback, IPAddress.Parse(address)]));
        Assert.Contains(address, refused.Message);
        Assert.Throws<WebhookRefusedException>(() => WebhookDestination.RequireLoopback("localhost", []));
    }

    [Fact]
    public void Listed_hosts_match_exactly_and_ignore_case()
    {
        Assert.True(WebhookDestination.IsAllowed("Hooks.Example.Test", ["hooks.example.test"]));
        Assert.False(WebhookDestination.IsAllowed("evil.hooks.example.test", ["hooks.example.test"]));
    }
}
