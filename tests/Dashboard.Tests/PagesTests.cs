using AccessGrid.Dashboard.Tests.Infrastructure;
using AccessGrid.Grains;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>Every page on a desktop (1366×768) and a phone (390×844), reached with the keyboard, without console errors
/// or sideways scrolling; a screenshot of each is kept.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PagesTests(DashboardCluster cluster)
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task Every_page_renders_and_is_reachable_with_the_keyboard(int width, int height)
    {
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address, (width, height));
        await tab.SignInLiveAsync(cluster.AdminKey);
        var page = tab.Page;

        foreach (var name in new[] { "doors", "staff", "events", "keys", "alarms", "webhooks", "live" })
        {
            // Tab through the page until the link has focus, then Enter: the focus order reaches every page.
            var link = page.Locator($"#nav a[data-page='{name}']");
            for (var presses = 0; presses < 200 && !await link.EvaluateAsync<bool>("a => a === document.activeElement"); presses++)
                await page.Keyboard.PressAsync("Tab");
            await Expect(link).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("#page")).ToHaveAttributeAsync("data-page", name);
            await Expect(link).ToHaveAttributeAsync("aria-current", "page");
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            if (name == "doors") await Expect(page.Locator($".door-tile[data-door-id='{DashboardCluster.FrontDoor}']")).ToBeVisibleAsync();

            // Nothing wider than the window: no sideways scrolling (wide tables scroll inside themselves).
            await tab.AssertNoSidewaysScrollAsync($"{name} at {width} px");
            await tab.ScreenshotAsync($"page-{name}-{width}");
            await page.Locator("#main").FocusAsync();
        }


        // Admins also get the Orleans Dashboard, through the cookie their sign-in set.
        await page.Locator("#orleans-link").ClickAsync();
        await page.WaitForURLAsync("**/orleans/**");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await tab.ScreenshotAsync("page-orleans");
        tab.AssertCleanConsole();
    }

    [Fact]
    public async Task A_door_tile_turns_to_alarm_after_three_denials_within_a_minute()
    {
        // Doors of its own, so denials other tests provoke elsewhere cannot raise or hide this alarm.
        using (var admin = cluster.A.Api(cluster.AdminKey))
        {
            await admin.CreateDoor("loading-bay", "Loading bay", "yard", liveness: LivenessPolicy.Off);
            await admin.CreateDoor("roof", "Roof", "yard", liveness: LivenessPolicy.Off);
        }
        string readerKey;
        using (var admin = cluster.A.Api(cluster.AdminKey)) readerKey = (await admin.CreateKey(ApiRole.Reader, "loading-bay")).Key;

        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.GuardKey);
        await tab.GoToAsync("doors");
        var tile = tab.Page.Locator(".door-tile[data-door-id='loading-bay']");
        await Expect(tile).ToHaveAttributeAsync("data-alarm", "false");

        // Three frames of someone nobody enrolled: three denials within seconds.
        using var reader = cluster.A.Api(readerKey);
        for (var i = 0; i < 3; i++)
            Assert.False((await reader.Access("loading-bay", DashboardCluster.SamplePicture())).IsGranted);

        await Expect(tile).ToHaveAttributeAsync("data-alarm", "true", new() { Timeout = 5_000 });
        await Expect(tile.Locator(".alarm-text:not(.raised)")).ToContainTextAsync("3 denials in the last minute");
        await Expect(tile.Locator("[data-counter='denied']")).ToHaveTextAsync("3");
        await Expect(tab.Page.Locator(".door-tile[data-door-id='roof']")).ToHaveAttributeAsync("data-alarm", "false");
        await tab.ScreenshotAsync("doors-alarm");
        tab.AssertCleanConsole();
    }

    [Fact]
    public async Task A_door_whose_requests_are_rate_limited_shows_as_hammered()
    {
        string readerKey;
        using (var admin = cluster.A.Api(cluster.AdminKey))
        {
            await admin.CreateDoor("dock", "Dock", "yard");
            readerKey = (await admin.CreateKey(ApiRole.Reader, "dock")).Key;
        }

        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.GuardKey);
        await tab.GoToAsync("doors");
        var tile = tab.Page.Locator(".door-tile[data-door-id='dock']");
        await Expect(tile).ToHaveAttributeAsync("data-hammered", "false");

        // A reader gone wild: far more requests at once than the default limit (20 a second, 10 queued) lets through.
        using var reader = cluster.A.Client(readerKey);
        var answers = await Task.WhenAll(Enumerable.Range(0, 80).Select(async _ =>
        {
            using var body = new ByteArrayContent("not an image"u8.ToArray());
            body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            using var response = await reader.PostAsync("/api/doors/dock/access", body);
            return response.StatusCode;
        }));
        Assert.Contains(System.Net.HttpStatusCode.TooManyRequests, answers);

        await Expect(tile).ToHaveAttributeAsync("data-hammered", "true", new() { Timeout = 10_000 });
        await Expect(tile).ToHaveAttributeAsync("data-alarm", "true");
        await Expect(tile.Locator(".hammered")).ToContainTextAsync("rate-limited in the last minute");
        await tab.ScreenshotAsync("doors-hammered");
        tab.AssertCleanConsole();
    }
}
