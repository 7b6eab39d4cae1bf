using AccessGrid.Dashboard.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>axe-core (WCAG 2.1 A and AA rules) finds nothing on any page, on a desktop and on a phone, including the
/// sign-in form and the alarm banner.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessibilityTests(DashboardCluster cluster)
{
    internal static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task Every_page_has_zero_axe_violations(int width, int height)
    {
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address, (width, height));
        await AssertClean(tab, "sign-in");
        await tab.SignInLiveAsync(cluster.AdminKey);

        foreach (var name in new[] { "live", "doors", "staff", "events", "keys", "alarms", "webhooks" })
        {
            await tab.GoToAsync(name);
            await tab.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            await Expect(tab.Page.Locator("#page h1")).ToBeVisibleAsync();
            await AssertClean(tab, $"{name} at {width} px");
        }
    }

    /// <summary>Fails naming every axe violation on the tab's page as it is now.</summary>
    internal static async Task AssertClean(DashboardTab tab, string what)
    {
        var result = await tab.Page.RunAxe(Wcag);
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
        Assert.True(result.Violations.Length == 0, $"{what}: axe found\n{string.Join('\n', violations)}");
    }
}
