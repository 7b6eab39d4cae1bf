using System.Text.RegularExpressions;
using AccessGrid.Dashboard.Tests.Infrastructure;
using AccessGrid.Grains;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>Doors managed in the UI, on a desktop and a phone: create a door, issue its reader key (secret shown once),
/// post a frame with that key and see the tile show the decision; edit the door; revoke the key; delete the door.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DoorsPageTests(DashboardCluster cluster)
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task An_admin_creates_a_door_and_its_reader_key_in_the_ui_and_the_key_opens_the_door(int width, int height)
    {
        var doorId = $"annex-{width}";
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address, (width, height));
        await tab.SignInLiveAsync(cluster.AdminKey);
        await tab.GoToAsync("doors");
        var page = tab.Page;

        await page.Locator("#door-id").FillAsync(doorId);
        await page.Locator("#door-name").FillAsync("Annex");
        await page.Locator("#door-zone").FillAsync("annex");
        await page.Locator("#door-mode").SelectOptionAsync("identify");
        // The reader below posts a still photo, not a camera frame: this door decides on identity alone.
        await page.Locator("#door-liveness").SelectOptionAsync("off");
        await page.Locator("#create-door-submit").ClickAsync();
        var tile = page.Locator($".door-tile[data-door-id='{doorId}']");
        await Expect(tile.Locator("h2")).ToHaveTextAsync("Annex");
        await Expect(tile.Locator(".zone")).ToContainTextAsync("annex · identify");
        await Expect(page.Locator("#door-id")).ToBeFocusedAsync();
        using (var admin = cluster.A.Api(cluster.AdminKey))
            Assert.Equal(DoorMode.Identify, (await admin.GetDoor(doorId)).Mode);

        // Its reader key, issued from the tile: the secret is shown once, inside the dialog.
        await tile.Locator($"button[data-keys='{doorId}']").ClickAsync();
        await page.Locator("#door-key-owner").FillAsync("Facilities");
        await page.Locator("#door-key-form button[type='submit']").ClickAsync();
        var secret = page.Locator("#door-new-key-secret");
        await Expect(secret).ToHaveValueAsync(new Regex("^agk_"));
        var key = await secret.InputValueAsync();
        await Expect(page.Locator("#door-key-list li[data-key-id]")).ToHaveCountAsync(1);
        await tab.ScreenshotAsync($"doors-reader-key-{width}");
        await page.Locator("dialog.keys-dialog button", new() { HasText = "Close" }).ClickAsync();
        await Expect(page.Locator("dialog.keys-dialog")).ToHaveCountAsync(0);
        Assert.DoesNotContain(key, await page.ContentAsync());

        // The reader posts a frame of someone nobody enrolled: the tile shows the decision as it happens.
        using (var reader = cluster.A.Api(key))
        {
            var decision = await reader.Access(doorId, DashboardCluster.SamplePicture());
            Assert.Equal(DecisionReason.UnknownFace, decision.Reason);
        }
        await Expect(tile.Locator(".last .person")).ToHaveTextAsync("Unknown");
        await Expect(tile.Locator("[data-counter='unknown']")).ToHaveTextAsync("1");
        await Expect(tile.Locator("[data-counter='rate']")).ToHaveTextAsync(new Regex(@"/min$"));

        // Edit: rename and change the mode; focus comes back to the Edit button.
        var editButton = tile.Locator($"button[data-edit='{doorId}']");
        await editButton.ClickAsync();
        await page.Locator("#edit-door-name").FillAsync("Annex east");
        await page.Locator("#edit-door-mode").SelectOptionAsync("both");
        await page.Locator("dialog button[type='submit']").ClickAsync();
        await Expect(tile.Locator("h2")).ToHaveTextAsync("Annex east");
        await Expect(editButton).ToBeFocusedAsync();

        // Revoke the key from the same dialog: it stops working at once.
        await tile.Locator($"button[data-keys='{doorId}']").ClickAsync();
        await page.Locator("#door-key-list button[data-revoke]").ClickAsync();
        await Expect(page.Locator("#door-key-list li[data-key-id]")).ToHaveCountAsync(0);
        await page.Locator("dialog.keys-dialog button", new() { HasText = "Close" }).ClickAsync();
        using (var revoked = cluster.A.Client(key))
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await revoked.GetAsync("/dashboard/me")).StatusCode);

        await tab.AssertNoSidewaysScrollAsync("the Doors page");

        // Delete.
        await tile.Locator($"button[data-delete='{doorId}']").ClickAsync();
        await page.Locator("dialog.confirm button[value='confirm']").ClickAsync();
        await Expect(tile).ToHaveCountAsync(0);
        using (var admin = cluster.A.Api(cluster.AdminKey))
            Assert.DoesNotContain(await admin.ListDoors(), d => d.Id == doorId);
        tab.AssertCleanConsole();
    }

    [Fact]
    public async Task Guards_see_the_tiles_but_no_door_controls()
    {
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.GuardKey);
        await tab.GoToAsync("doors");
        await Expect(tab.Page.Locator($".door-tile[data-door-id='{DashboardCluster.FrontDoor}']")).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("#create-door")).ToHaveCountAsync(0);
        await Expect(tab.Page.Locator("button[data-edit]")).ToHaveCountAsync(0);
    }
}
