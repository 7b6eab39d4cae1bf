using AccessGrid.Dashboard.Tests.Infrastructure;
using AccessGrid.Grains;
using AccessGrid.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>The kiosk page driving chromium's fake camera: a y4m video made at test time from pictures plays as the
/// webcam, the page captures a burst and posts it to its door (liveness passive), and shows the answer.</summary>
[Collection(DashboardCollection.Name)]
public sealed class KioskTests(DashboardCluster cluster)
{
    [Fact]
    public async Task A_camera_pointed_at_a_wall_is_denied_no_face_on_a_phone()
    {
        var (door, readerKey) = await KioskDoorAsync();
        var video = FakeCameraVideo.Write(Enumerable.Repeat(FakeCameraVideo.Blank(), 8));

        var answer = await CheckInAsync(video, readerKey, door, 390, 844, "kiosk-phone-no-face");

        Assert.Equal(("denied", "no_face"), answer);
    }

    [SharedDataFact]
    public async Task A_live_nuaa_session_of_an_enrolled_person_is_granted()
    {
        var (door, readerKey) = await KioskDoorAsync();
        var live = NuaaSessions.Frames("live", "0002_01_00_01");
        using (var hr = cluster.A.Api(cluster.HrKey))
        {
            await hr.CreateStaff("kiosk-nuaa-0002", "Subject Two");
            await hr.EnrollFace("kiosk-nuaa-0002", live[0]);
            await hr.GrantDoor("kiosk-nuaa-0002", door);
        }
        var video = FakeCameraVideo.Write(live[10..50]);

        var answer = await CheckInAsync(video, readerKey, door, 1280, 800, "kiosk-granted", expectName: "Subject Two");

        Assert.Equal(("granted", "identified"), answer);
    }

    [SharedDataFact]
    public async Task A_printed_photo_session_is_denied_as_a_spoof_or_unproven()
    {
        var (door, readerKey) = await KioskDoorAsync();
        var video = FakeCameraVideo.Write(NuaaSessions.Frames("spoof", "0002_01_01_02"));

        var (outcome, reason) = await CheckInAsync(video, readerKey, door, 1280, 800, "kiosk-spoof");

        Assert.Equal("denied", outcome);
        Assert.Contains(reason, new[] { "spoof_suspected", "liveness_unproven" });
    }

    [Fact]
    public async Task A_dashboard_key_is_refused_by_the_kiosk()
    {
        await using var browser = await ChromiumBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(cluster.A.Address, 1280, 800);
        await page.GotoAsync("/kiosk");
        await page.Locator("#kiosk-key").FillAsync(cluster.GuardKey);
        await page.Locator("#kiosk-key").PressAsync("Enter");

        await Expect(page.Locator("#kiosk-sign-in-error")).ToContainTextAsync("reader key");
        await Expect(page.Locator("#kiosk-reader")).ToBeHiddenAsync();
    }

    /// <summary>Opens the kiosk in a browser whose camera plays <paramref name="video"/>, signs in with the reader key,
    /// taps "check in" and returns the answer shown (outcome, reason).</summary>
    private async Task<(string Outcome, string Reason)> CheckInAsync(string video, string readerKey, string door, int width, int height,
        string screenshot, string? expectName = null)
    {
        try
        {
            return await RunKioskAsync(video, readerKey, door, width, height, screenshot, expectName);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(video)!, recursive: true);
        }
    }

    private async Task<(string Outcome, string Reason)> RunKioskAsync(string video, string readerKey, string door, int width, int height,
        string screenshot, string? expectName)
    {
        await using var browser = await ChromiumBrowser.LaunchAsync($"--use-file-for-fake-video-capture={video}");
        var page = await browser.NewPageAsync(cluster.A.Address, width, height);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/kiosk");
        await page.Locator("#kiosk-key").FillAsync(readerKey);
        await page.Locator("#kiosk-key").PressAsync("Enter");
        await Expect(page.Locator("#kiosk-door")).ToHaveTextAsync($"Door {door}");
        var check = page.Locator("#kiosk-check");
        await Expect(check).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await AssertInsideViewport(check, width, height);
        // Someone stepping in may already have started a burst (the picture changes, the button is disabled while it
        // runs); otherwise the tap starts it.
        // A tap can land while the page is still settling on a busy machine: tap again, as a person would (3 tries).
        var answer = page.Locator("#kiosk-answer");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await check.ClickAsync(new() { Timeout = 3_000 });
            }
            catch (TimeoutException)
            {
                await Expect(check).ToBeDisabledAsync();
            }
            try
            {
                await Expect(answer).ToBeVisibleAsync(new() { Timeout = 20_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
        var result = (await answer.GetAttributeAsync("data-outcome") ?? "", await answer.GetAttributeAsync("data-reason") ?? "");
        var shown = await page.Locator("#kiosk-answer-reason").InnerTextAsync();
        Assert.True(result.Item2.Length > 0, $"the door gave no reason: {result.Item1}, '{shown}'");
        if (expectName is not null) await Expect(page.Locator("#kiosk-answer-name")).ToHaveTextAsync(expectName);
        await Expect(page.Locator("#kiosk-answer-reason")).ToContainTextAsync(result.Item2);
        await page.ScreenshotAsync(new() { Path = Artifacts.File($"{screenshot}.png") });

        // The answer goes away and the kiosk is ready for the next person.
        await Expect(answer).ToBeHiddenAsync(new() { Timeout = 15_000 });
        Assert.Empty(errors);
        return result;
    }

    private static async Task AssertInsideViewport(ILocator locator, int width, int height)
    {
        var box = await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("not laid out");
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= width && box.Y + box.Height <= height, $"{box.X},{box.Y} {box.Width}x{box.Height}");
    }

    /// <summary>A door of its own (liveness passive, the default) and its reader key.</summary>
    private async Task<(string Door, string ReaderKey)> KioskDoorAsync()
    {
        var door = $"kiosk-{Guid.NewGuid():N}"[..14];
        using var admin = cluster.A.Api(cluster.AdminKey);
        var created = await admin.CreateDoor(door, "Kiosk door", "kiosk");
        Assert.Equal(LivenessPolicy.Passive, created.Liveness);
        return (door, (await admin.CreateKey(ApiRole.Reader, door)).Key);
    }
}
