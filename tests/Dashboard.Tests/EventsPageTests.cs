using AccessGrid.Dashboard.Tests.Infrastructure;
using AccessGrid.Grains;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>The Events page: searchable, paged newest first, exported as CSV.</summary>
[Collection(DashboardCollection.Name)]
public sealed class EventsPageTests(DashboardCluster cluster)
{
    [Fact]
    public async Task Events_are_searched_by_door_paged_and_exported_as_csv()
    {
        // A door of its own with a known history: 3 decisions; and more than one page of HR changes (new keys).
        string readerKey;
        using (var admin = cluster.A.Api(cluster.AdminKey))
        {
            await admin.CreateDoor("archive", "Archive", "basement", liveness: LivenessPolicy.Off);
            readerKey = (await admin.CreateKey(ApiRole.Reader, "archive")).Key;
            for (var i = 0; i < 55; i++) await admin.CreateKey(ApiRole.Guard);
        }
        using (var reader = cluster.A.Api(readerKey))
            for (var i = 0; i < 3; i++) await reader.Access("archive", DashboardCluster.SamplePicture());

        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.GuardKey);
        await tab.GoToAsync("events");
        var page = tab.Page;

        await page.SelectOptionAsync("#events-door", "archive");
        await page.SelectOptionAsync("#events-outcome", "");
        await page.Locator("#events-search button[type=submit]").ClickAsync();
        // The door's creation, its reader key, and its three decisions, newest first.
        await Expect(page.Locator("#events-rows tr.denied")).ToHaveCountAsync(3);
        await Expect(page.Locator("#events-rows tr.denied td[data-door-id='archive']").First).ToHaveTextAsync("Archive");
        await Expect(page.Locator("#events-rows tr").Last).ToContainTextAsync("door.created");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#events-export").ClickAsync());
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToArray();
        Assert.StartsWith("timestamp,eventId,doorId,staffId,name,event,reason", lines[0]);
        Assert.Equal(3, lines.Count(l => l.Contains(",archive,") && l.Contains(",denied,")));
        Assert.All(lines.Skip(1), l => Assert.Contains(",archive,", l));

        // HR changes only, across all doors: a full first page, then an older one.
        await page.SelectOptionAsync("#events-door", "");
        await page.SelectOptionAsync("#events-outcome", "change");
        await page.Locator("#events-search button[type=submit]").ClickAsync();
        await Expect(page.Locator("#events-rows tr.change")).ToHaveCountAsync(50);
        var newestOnFirstPage = await page.Locator("#events-rows tr").First.GetAttributeAsync("data-event-id");
        await page.Locator("#events-older").ClickAsync();
        await Expect(page.Locator("#events-page")).ToHaveTextAsync("Page 2");
        await Expect(page.Locator("#events-rows tr.change").First).Not.ToHaveAttributeAsync("data-event-id", newestOnFirstPage!);
        await page.Locator("#events-newer").ClickAsync();
        await Expect(page.Locator("#events-rows tr").First).ToHaveAttributeAsync("data-event-id", newestOnFirstPage!);

        await tab.ScreenshotAsync("events");
        tab.AssertCleanConsole();
    }

    [Fact]
    public async Task A_person_is_found_by_the_start_of_their_name_and_links_to_their_page()
    {
        var id = $"zp-{Guid.NewGuid():N}"[..12];
        using (var hr = cluster.A.Api(cluster.HrKey))
        {
            await hr.CreateStaff(id, "Zephyrine Quill");
            await hr.UpdateStaff(id, status: StaffStatus.Suspended);
        }
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.HrKey);
        await tab.GoToAsync("events");
        var page = tab.Page;

        await page.Locator("#events-staff").FillAsync("zephyr");
        await Expect(page.Locator($"#events-people option[value='{id}']")).ToHaveCountAsync(1);
        await page.Locator("#events-search button[type=submit]").ClickAsync();
        var rows = page.Locator("#events-rows tr.change");
        await Expect(rows).ToHaveCountAsync(2); // created, suspended
        await rows.First.Locator($"a[href='#/staff?id={id}']").ClickAsync();
        await Expect(page.Locator("#person-name")).ToHaveTextAsync("Zephyrine Quill");
        tab.AssertCleanConsole();
    }
}
