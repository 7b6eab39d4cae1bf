using System.Net.Http.Json;
using System.Text.Json;
using AccessGrid.Dashboard.Tests.Infrastructure;
using AccessGrid.Grains;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>Alarms a guard cannot miss: an unknown face at a door raises a banner on the Live page (on every page),
/// the guard acknowledges it with a note, and the history shows who did and what they wrote.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AlarmsTests(DashboardCluster cluster)
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task An_unknown_face_raises_a_banner_the_guard_acknowledges_with_a_note_and_history_keeps_it(int width, int height)
    {
        var doorId = $"gate-{width}";
        string readerKey;
        using (var admin = cluster.A.Api(cluster.AdminKey))
        {
            await admin.CreateDoor(doorId, $"Gate {width}", "yard", liveness: LivenessPolicy.Off);
            readerKey = (await admin.CreateKey(ApiRole.Reader, doorId)).Key;
        }
        await AcknowledgeEveryOpenAlarm(); // other tests' alarms would outrank this one in the banner

        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address, (width, height));
        await tab.SignInLiveAsync(cluster.GuardKey);
        var page = tab.Page;
        var banner = page.Locator("#alarm-banner");
        await Expect(banner).ToBeHiddenAsync();

        using (var reader = cluster.A.Api(readerKey))
            Assert.Equal(DecisionReason.UnknownFace, (await reader.Access(doorId, DashboardCluster.SamplePicture())).Reason);

        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(banner).ToContainTextAsync($"Unknown face at Gate {width}");
        await Expect(page.Locator("#alarm-announcer")).ToContainTextAsync($"Unknown face at Gate {width}");
        await tab.AssertNoSidewaysScrollAsync("the alarm banner");
        await tab.ScreenshotAsync($"alarm-banner-{width}");

        // Acknowledge from the banner, with a note; the banner goes and focus does not fall to the top of the page.
        await page.Locator("#alarm-ack").ClickAsync();
        await page.Locator("#alarm-note").FillAsync("Courier at the gate; sent to reception.");
        await page.Locator("dialog button[type='submit']").ClickAsync();
        await Expect(banner).ToBeHiddenAsync();

        // History: acknowledged, by the guard key, with the note.
        await tab.GoToAsync("alarms");
        var row = page.Locator("#alarm-rows tr", new() { HasText = $"Gate {width}" }).First;
        await Expect(row).ToHaveAttributeAsync("data-open", "false");
        await Expect(row.Locator(".ack")).ToContainTextAsync("Courier at the gate; sent to reception.");
        await Expect(row.Locator(".ack")).ToContainTextAsync("guard");
        await tab.AssertNoSidewaysScrollAsync("the Alarms page");
        await tab.ScreenshotAsync($"alarms-history-{width}");
        tab.AssertCleanConsole();
    }

    private async Task AcknowledgeEveryOpenAlarm()
    {
        using var admin = cluster.A.Client(cluster.AdminKey);
        var open = await admin.GetFromJsonAsync<JsonElement[]>("/api/alarms?open=true&limit=500") ?? [];
        foreach (var alarm in open)
        {
            using var response = await admin.PostAsJsonAsync($"/api/alarms/{alarm.GetProperty("id").GetString()}/acknowledge", new { note = "cleared by the test" });
            response.EnsureSuccessStatusCode();
        }
    }
}
