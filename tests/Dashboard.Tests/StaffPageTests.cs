using AccessGrid.Dashboard.Tests.Infrastructure;
using AccessGrid.Grains;
using AccessGrid.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>Issue test 2: HR grants a door in the Staff page and the very next decision for that person flips from
/// denied (no_grant) to granted.</summary>
[Collection(DashboardCollection.Name)]
public sealed class StaffPageTests(DashboardCluster cluster)
{
    [SharedDataFact]
    public async Task Granting_a_door_in_the_staff_page_flips_the_next_decision_to_granted()
    {
        var younes = await cluster.EnsureEnrolledAsync("younes", "Younes", "younes.jpg");
        using var reader = cluster.A.Api(cluster.LabReaderKey);
        var camera = DashboardCluster.SeedPicture("camera_0.jpg");

        var before = await reader.Access(DashboardCluster.LabDoor, camera);
        Assert.Equal((DecisionOutcome.Denied, DecisionReason.NoGrant, "younes"), (before.Outcome, before.Reason, before.StaffId));

        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.HrKey);
        await tab.GoToAsync("staff");
        var page = tab.Page;
        await page.Locator($"#staff-list [data-staff-id='{younes}']").ClickAsync();
        await Expect(page.Locator("#person-name")).ToHaveTextAsync("Younes");
        await page.SelectOptionAsync("#grant-target", $"door:{DashboardCluster.LabDoor}");
        await page.Locator("#grant-save").ClickAsync();
        await Expect(page.Locator($"#grants tr[data-target='{DashboardCluster.LabDoor}']")).ToBeVisibleAsync();

        var after = await reader.Access(DashboardCluster.LabDoor, camera);
        Assert.Equal((DecisionOutcome.Granted, "younes"), (after.Outcome, after.StaffId));

        await tab.ScreenshotAsync("staff");
        tab.AssertCleanConsole();
    }

    [SharedDataFact]
    public async Task Enrolling_several_photos_shows_each_verdict_and_erasing_asks_first()
    {
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.HrKey);
        await tab.GoToAsync("staff");
        var page = tab.Page;

        // Create through the form, with the keyboard.
        await page.Locator("#new-staff-id").FillAsync("bertrand");
        await page.Locator("#new-staff-name").FillAsync("Bertrand");
        await page.Locator("#new-staff-name").PressAsync("Enter");
        await Expect(page.Locator("#person-name")).ToHaveTextAsync("Bertrand");

        // Two photos at once: his own is kept with its quality, a picture without a face is refused with its reason.
        var seed = RepoPaths.Shared("datasets", "seed");
        await page.Locator("#enroll-files").SetInputFilesAsync([Path.Combine(seed, "bertrand.jpg"), Path.Combine(seed, "EXPECTED.md")]);
        // Enrollment runs the face models: under load that takes longer than Playwright's 5 s default.
        var enrolling = new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 };
        await Expect(page.Locator("#enroll-results li")).ToHaveCountAsync(2, enrolling);
        await Expect(page.Locator("#enroll-results li.accepted")).ToContainTextAsync("bertrand.jpg: accepted");
        await Expect(page.Locator("#enroll-results li.rejected")).ToContainTextAsync("EXPECTED.md: rejected");
        await Expect(page.Locator("#templates tbody tr")).ToHaveCountAsync(1, enrolling);

        // The fake webcam shows no face: the capture is refused with the reason, as a real bad shot would be.
        await page.Locator("#camera-start").ClickAsync();
        await Expect(page.Locator("#camera video")).ToBeVisibleAsync();
        await page.Locator("#camera-capture").ClickAsync();
        await Expect(page.Locator("#enroll-results li.rejected")).ToHaveCountAsync(2, enrolling);
        await Expect(page.Locator("#enroll-results li.rejected").Last).ToContainTextAsync("no face");
        await tab.ScreenshotAsync("staff-enrollment");

        // Suspend, then erase: cancelling the confirmation keeps him, confirming removes him.
        await page.Locator("#toggle-status").ClickAsync();
        await Expect(page.Locator("#person-status")).ToHaveTextAsync("suspended");
        await page.Locator("#erase-person").ClickAsync();
        await page.Locator("dialog.confirm button[value='cancel']").ClickAsync();
        await Expect(page.Locator("#person-name")).ToHaveTextAsync("Bertrand");
        await page.Locator("#erase-person").ClickAsync();
        await page.Locator("dialog.confirm button[value='confirm']").ClickAsync();
        await Expect(page.Locator("#staff-list [data-staff-id='bertrand']")).ToHaveCountAsync(0);

        using var admin = cluster.A.Client(cluster.AdminKey);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync("/api/staff/bertrand")).StatusCode);
        // The refused photo and the refused capture answered 422 on purpose.
        tab.AssertCleanConsole(allowFailedRequests: true);
    }

    [Fact]
    public async Task A_deep_link_opens_the_person_and_keeps_the_id()
    {
        var id = $"deep-{Guid.NewGuid():N}"[..16];
        using (var hr = cluster.A.Api(cluster.HrKey)) await hr.CreateStaff(id, "Deep Link");
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.HrKey);

        await tab.Page.GotoAsync($"/#/staff?id={id}");
        await Expect(tab.Page.Locator("#person-name")).ToHaveTextAsync("Deep Link");
        Assert.EndsWith($"#/staff?id={id}", tab.Page.Url);
        await Expect(tab.Page.Locator("#staff-detail")).Not.ToHaveAttributeAsync("aria-live", "polite");
        tab.AssertCleanConsole();
    }

    [Fact]
    public async Task A_grant_takes_several_time_windows_in_a_chosen_time_zone()
    {
        var id = $"shift-{Guid.NewGuid():N}"[..14];
        using var hr = cluster.A.Api(cluster.HrKey);
        await hr.CreateStaff(id, "Split Shift");
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.HrKey);
        await tab.Page.GotoAsync($"/#/staff?id={id}");
        var page = tab.Page;
        await Expect(page.Locator("#person-name")).ToHaveTextAsync("Split Shift");

        await page.SelectOptionAsync("#grant-target", $"door:{DashboardCluster.LabDoor}");
        await page.Locator("#grant-scheduled").CheckAsync();
        await page.Locator("#grant-windows .window-start").First.FillAsync("07:00");
        await page.Locator("#grant-windows .window-end").First.FillAsync("11:00");
        await page.Locator("#grant-add-window").ClickAsync();
        await Expect(page.Locator("#grant-windows .window")).ToHaveCountAsync(2);
        await page.Locator("#grant-windows .window-start").Nth(1).FillAsync("14:00");
        await page.Locator("#grant-windows .window-end").Nth(1).FillAsync("18:30");
        await page.SelectOptionAsync("#grant-tz", "Europe/Paris");
        await page.Locator("#grant-save").ClickAsync();
        await Expect(page.Locator($"#grants tr[data-target='{DashboardCluster.LabDoor}']")).ToContainTextAsync("07:00–11:00, 14:00–18:30 (Europe/Paris)");

        var schedule = Assert.Single((await hr.GetStaff(id)).Grants).Terms.Schedule!;
        Assert.Equal("Europe/Paris", schedule.TimeZone);
        Assert.Equal([(new TimeOnly(7, 0), new TimeOnly(11, 0)), (new TimeOnly(14, 0), new TimeOnly(18, 30))],
            schedule.Windows.Select(w => (w.Start, w.End)));
        tab.AssertCleanConsole();
    }
}
