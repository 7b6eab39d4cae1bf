using AccessGrid.Dashboard.Tests.Infrastructure;
using AccessGrid.Grains;
using Microsoft.Playwright;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>Issue 15 item 3 in the browser: an admin turns a door's snapshots on in its Edit dialog; a guard sees the snapshot of an Unknown row on Live and Events, and the
/// snapshot of a decision that named a person is gone once that person is erased; HR sees each enrolled photo and
/// deletes one, focus staying on the faces table. axe finds nothing on the pages with pictures.</summary>
[Collection(DashboardCollection.Name)]
public sealed class FacePicturesTests(DashboardCluster cluster)
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task A_guard_sees_the_snapshot_of_an_unknown_row_and_erasure_takes_a_named_persons_away(int width, int height)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var (door, person) = ($"snap-{run}", $"snapped-{run}");
        using var admin = cluster.A.Api(cluster.AdminKey);
        await admin.CreateDoor(door, $"Snapshot door {run}", "lobby", liveness: LivenessPolicy.Off);
        // Consent in the UI: an admin turns the door's snapshots on in its Edit dialog (off by default).
        await using (var adminTab = await cluster.Browser.OpenAsync(cluster.A.Address, (width, height)))
        {
            await adminTab.SignInAsync(cluster.AdminKey);
            await adminTab.GoToAsync("doors");
            var tile = adminTab.Page.Locator($".door-tile[data-door-id='{door}']");
            await tile.Locator($"button[data-edit='{door}']").ClickAsync();
            await Expect(adminTab.Page.Locator("#edit-door-snapshots")).Not.ToBeCheckedAsync();
            await adminTab.Page.Locator("#edit-door-snapshots").CheckAsync();
            await adminTab.Page.Locator("dialog button[type='submit']").ClickAsync();
            await Expect(tile.Locator(".zone")).ToContainTextAsync("snapshots kept");
        }
        Assert.True((await admin.GetDoor(door)).Snapshots);
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address, (width, height));
        await tab.SignInLiveAsync(cluster.GuardKey);
        var page = tab.Page;
        try
        {
            var unknown = await admin.Access(door, DashboardCluster.SamplePicture());
            Assert.Equal((DecisionReason.UnknownFace, unknown.EventId), (unknown.Reason, unknown.SnapshotId));
            var unknownRow = page.Locator($"#live-rows tr[data-event-id='{unknown.EventId}']");
            await ExpectPictureAsync(unknownRow.Locator("img.face"), "Unknown");

            await admin.CreateStaff(person, "Snapped Person");
            await admin.EnrollFace(person, DashboardCluster.SamplePicture());
            var named = await admin.Access(door, Rescaled(DashboardCluster.SamplePicture())); // enrolled, no grant here
            Assert.Equal((DecisionReason.NoGrant, person), (named.Reason, named.StaffId));
            await ExpectPictureAsync(page.Locator($"#live-rows tr[data-event-id='{named.EventId}'] img.face"), "Snapped Person");
            await tab.AssertAccessibleAsync($"live with snapshots at {width} px");

            await admin.EraseStaff(person);

            await tab.GoToAsync("events");
            await page.Locator("#events-door").SelectOptionAsync(door);
            await page.Locator("#events-search button[type=submit]").ClickAsync();
            // The erased person's row stays (ids only) without a picture; the stranger's keeps it.
            var namedRow = page.Locator($"tr[data-event-id='{named.EventId}']");
            await Expect(namedRow).ToBeVisibleAsync();
            await Expect(namedRow.Locator(".face")).ToHaveCountAsync(0);
            await ExpectPictureAsync(page.Locator($"tr[data-event-id='{unknown.EventId}'] img.face"), "Unknown");
            await tab.AssertAccessibleAsync($"events with snapshots at {width} px");
            await tab.ScreenshotAsync($"snapshots-{width}");
            tab.AssertCleanConsole();
        }
        finally
        {
            await admin.SetDoorSnapshots(door, false);
            await EraseQuietly(admin, person);
        }
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task Hr_sees_each_photo_and_deletes_one_keeping_focus_in_the_faces_table(int width, int height)
    {
        var person = $"photos-{Guid.NewGuid():N}"[..15];
        using var hr = cluster.A.Api(cluster.HrKey);
        await hr.CreateStaff(person, "Photo Person");
        try
        {
            var first = (await hr.EnrollFace(person, DashboardCluster.SamplePicture())).Template!.TemplateId;
            var second = (await hr.EnrollFace(person, Rescaled(DashboardCluster.SamplePicture()))).Template!.TemplateId;
            await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address, (width, height));
            await tab.SignInAsync(cluster.HrKey);
            var page = tab.Page;
            await page.GotoAsync($"/#/staff?id={person}");
            var rows = page.Locator("#templates tbody tr");
            await Expect(rows).ToHaveCountAsync(2);
            await ExpectPictureAsync(rows.Nth(0).Locator("img.face"), "Photo of Photo Person");
            await ExpectPictureAsync(rows.Nth(1).Locator("img.face"), "Photo of Photo Person");
            await tab.AssertAccessibleAsync($"staff faces at {width} px");

            // Keyboard: focus the first photo's Delete and press Enter; focus lands on the next photo's Delete.
            await page.Locator($"button.remove-face[data-template-id='{first}']").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(page.Locator($"button.remove-face[data-template-id='{second}']")).ToBeFocusedAsync();
            var remaining = await hr.GetStaff(person);
            Assert.Equal([second], remaining.Templates.Select(t => t.TemplateId));
            var gone = await Assert.ThrowsAsync<AccessGrid.Client.AccessGridApiException>(() => hr.FaceThumbnail(person, first));
            Assert.Equal("unknown_thumbnail", gone.Reason);

            // The last one: focus goes to the photo picker, not to the top of the page.
            await page.Keyboard.PressAsync("Enter");
            await Expect(rows).ToHaveCountAsync(0);
            await Expect(page.Locator("#enroll-files")).ToBeFocusedAsync();
            tab.AssertCleanConsole();
        }
        finally
        {
            await EraseQuietly(hr, person);
        }
    }

    /// <summary>The picture has loaded (a real image, not the "picture deleted" text) and its alt text says whose.</summary>
    private static async Task ExpectPictureAsync(ILocator picture, string altContains)
    {
        await Expect(picture).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(picture).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(altContains)));
        // The page fetches the picture with the session key and sets src afterwards; an img without src is already
        // "complete", so wait for a decoded image rather than for complete alone.
        await picture.Page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await picture.ElementHandleAsync(),
            new() { Timeout = 5_000 });
        Assert.True(await picture.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the picture did not load");
    }

    /// <summary>The same face, another size and quality: a second camera frame or a second photo.</summary>
    private static byte[] Rescaled(byte[] jpeg)
    {
        using var original = SKBitmap.Decode(jpeg);
        using var resized = original.Resize(new SKImageInfo(original.Width * 3 / 5, original.Height * 3 / 5), new SKSamplingOptions(SKFilterMode.Linear));
        using var image = SKImage.FromBitmap(resized);
        return image.Encode(SKEncodedImageFormat.Jpeg, 80).ToArray();
    }

    private static async Task EraseQuietly(AccessGrid.Client.AccessGridClient client, string staffId)
    {
        try
        {
            await client.EraseStaff(staffId);
        }
        catch (AccessGrid.Client.AccessGridApiException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
        {
        }
    }
}
