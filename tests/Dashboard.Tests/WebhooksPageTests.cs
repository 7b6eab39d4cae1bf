using System.Text.RegularExpressions;
using AccessGrid.Dashboard.Tests.Infrastructure;
using AccessGrid.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>The admin's Webhooks page: add a webhook for a receiver on 127.0.0.1 (secret shown once), send it a test
/// ping that arrives signed, read its deliveries, delete it; a host that is not allowed is refused with the reason.</summary>
[Collection(DashboardCollection.Name)]
public sealed class WebhooksPageTests(DashboardCluster cluster)
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_webhooks_page_adds_pings_shows_deliveries_and_deletes(int width, int height)
    {
        using var receiver = new WebhookReceiver();
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address, (width, height));
        await tab.SignInLiveAsync(cluster.AdminKey);
        await tab.GoToAsync("webhooks");
        var page = tab.Page;

        // Not loopback and not listed: refused with the reason, nothing registered.
        await page.Locator("#webhook-url").FillAsync("https://example.com/hook");
        await page.Locator("#create-webhook button[type='submit']").ClickAsync();
        await Expect(page.Locator(".toast.error")).ToContainTextAsync("AllowedHosts");
        await Expect(page.Locator("#webhook-url")).ToBeFocusedAsync();

        var label = $"Guard PC {Guid.NewGuid():N}"[..20];
        await page.Locator("#webhook-url").FillAsync(receiver.Url);
        await page.Locator("#webhook-label").FillAsync(label);
        await page.Locator("#webhook-event-change").CheckAsync();
        await page.Locator("#create-webhook button[type='submit']").ClickAsync();

        var secretBox = page.Locator("#new-webhook-secret");
        await Expect(secretBox).ToHaveValueAsync(new Regex("^whsec_"));
        var secret = await secretBox.InputValueAsync();
        var row = page.Locator("#webhook-rows tr", new() { HasText = label });
        await Expect(row).ToContainTextAsync("alarm, change");
        await Expect(row).ToContainTextAsync("First admin key");
        await page.Locator("#new-webhook button").ClickAsync();
        await Expect(secretBox).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await page.ContentAsync());

        var test = row.Locator("button[data-ping]");
        await test.ClickAsync();
        await Expect(page.Locator(".toast", new() { HasText = "test delivered" })).ToBeVisibleAsync();
        await Expect(test).ToBeFocusedAsync();
        // Changes may come first (the webhook's own creation is one); the ping is the one to check.
        var ping = await receiver.Next();
        while (ping.Headers["X-AccessGrid-Event"] != "ping") ping = await receiver.Next();
        Assert.True(ping.IsSignedWith(secret));
        await Expect(page.Locator("#delivery-rows tbody tr[data-outcome='delivered']", new() { HasText = "ping" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#deliveries-title")).ToContainTextAsync(label);
        await tab.AssertNoSidewaysScrollAsync($"webhooks at {width} px");
        await tab.ScreenshotAsync($"webhooks-{width}");

        await row.Locator("button[data-delete]").ClickAsync();
        await page.Locator("dialog.confirm button[value='confirm']").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.Locator("#webhooks-table")).ToBeFocusedAsync();
        await Expect(page.Locator("#delivery-rows")).ToHaveCountAsync(0);
        tab.AssertCleanConsole(allowFailedRequests: true);
    }
}
