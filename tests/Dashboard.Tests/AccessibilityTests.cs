using AccessGrid.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>axe-core (WCAG 2.1 A and AA rules) finds nothing on any page, on a desktop and on a phone, including the
/// sign-in form and the alarm banner.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessibilityTests(DashboardCluster cluster)
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task Every_page_has_zero_axe_violations(int width, int height)
    {
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address, (width, height));
        await tab.AssertAccessibleAsync("sign-in");
        await tab.SignInLiveAsync(cluster.AdminKey);

        foreach (var name in new[] { "live", "doors", "staff", "events", "keys", "alarms", "webhooks" })
        {
            await tab.GoToAsync(name);
            await tab.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            await Expect(tab.Page.Locator("#page h1")).ToBeVisibleAsync();
            await tab.AssertAccessibleAsync($"{name} at {width} px");
        }
    }
}
