using AccessGrid.Dashboard.Tests.Infrastructure;
using AccessGrid.Grains;
using AccessGrid.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>Issue test 1: a guard watching the Live page sees a reader's decision appear, with the right name and
/// outcome, within two seconds.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LivePageTests(DashboardCluster cluster)
{
    [SharedDataFact]
    public async Task A_reader_decision_appears_on_the_live_page_within_two_seconds()
    {
        var younes = await cluster.EnsureEnrolledAsync("younes", "Younes", "younes.jpg");
        using (var hr = cluster.A.Api(cluster.HrKey)) await hr.GrantDoor(younes, DashboardCluster.FrontDoor);

        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.GuardKey);
        await Expect(tab.Page.Locator("#page")).ToHaveAttributeAsync("data-page", "live");
        Assert.True(tab.HubOverWebSocket, "the live feed fell back from WebSockets");

        using var reader = cluster.A.Api(cluster.FrontReaderKey);
        var decision = await reader.Access(DashboardCluster.FrontDoor, DashboardCluster.SeedPicture("camera_0.jpg"));
        Assert.Equal((DecisionOutcome.Granted, "younes"), (decision.Outcome, decision.StaffId));

        // The row for exactly this decision, on top, within 2 s of the reader getting its answer.
        var row = tab.Page.Locator($"#live-rows tr[data-event-id='{decision.EventId}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await Expect(row.Locator(".person")).ToHaveTextAsync("Younes");
        await Expect(row.Locator(".badge")).ToHaveTextAsync("granted");
        await Expect(tab.Page.Locator("#live-rows tr").First).ToHaveAttributeAsync("data-event-id", decision.EventId);

        await tab.ScreenshotAsync("live");
        tab.AssertCleanConsole();
    }

    [SharedDataFact]
    public async Task Filters_and_pause_hold_back_rows_until_resumed()
    {
        var younes = await cluster.EnsureEnrolledAsync("younes", "Younes", "younes.jpg");
        using (var hr = cluster.A.Api(cluster.HrKey)) await hr.GrantDoor(younes, DashboardCluster.FrontDoor);
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.GuardKey);
        var page = tab.Page;
        using var reader = cluster.A.Api(cluster.FrontReaderKey);

        // Outcome filter: a granted decision is not shown while only denials are.
        await page.SelectOptionAsync("#live-outcome", "denied");
        var granted = await reader.Access(DashboardCluster.FrontDoor, DashboardCluster.SeedPicture("camera_0.jpg"));
        await Expect(page.Locator("#live-rows tr[data-outcome='granted']")).ToHaveCountAsync(0);
        await page.SelectOptionAsync("#live-outcome", "");
        await Expect(page.Locator($"#live-rows tr[data-event-id='{granted.EventId}']")).ToBeVisibleAsync();

        // Pause: new decisions wait, counted, and appear on resume.
        await page.Locator("#live-pause").ClickAsync();
        await Expect(page.Locator("#live-pause")).ToHaveAttributeAsync("aria-pressed", "true");
        var held = await reader.Access(DashboardCluster.FrontDoor, DashboardCluster.SeedPicture("camera_0.jpg"));
        await Expect(page.Locator(".held")).ToHaveTextAsync("1 new while paused");
        await Expect(page.Locator($"#live-rows tr[data-event-id='{held.EventId}']")).ToHaveCountAsync(0);
        await page.Locator("#live-pause").ClickAsync();
        await Expect(page.Locator("#live-rows tr").First).ToHaveAttributeAsync("data-event-id", held.EventId);

        tab.AssertCleanConsole();
    }
}
