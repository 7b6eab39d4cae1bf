using Microsoft.Extensions.Configuration;

namespace AccessGrid.Grains.Tests.Webhooks;

/// <summary>The operator's settings reach the webhook options the way the silo binds them (section "AccessGrid").</summary>
public sealed class WebhookOptionsTests
{
    [Fact]
    public void Allowed_hosts_and_retry_settings_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AccessGrid:Webhooks:AllowedHosts:0"] = "hooks.example.org",
            ["AccessGrid:Webhooks:AllowedHosts:1"] = "bms.example.org",
            ["AccessGrid:Webhooks:MaxAttempts"] = "4",
            ["AccessGrid:Webhooks:FirstRetryDelay"] = "00:00:30",
        }).Build();
        var options = new AccessGridOptions();
        configuration.GetSection("AccessGrid").Bind(options);

        Assert.Equal(["hooks.example.org", "bms.example.org"], options.Webhooks.AllowedHosts);
        Assert.Equal((4, TimeSpan.FromSeconds(30), 1000), (options.Webhooks.MaxAttempts, options.Webhooks.FirstRetryDelay, options.Webhooks.MaxPendingPerWebhook));
        Assert.Empty(new AccessGridOptions().Webhooks.AllowedHosts);
    }
}
