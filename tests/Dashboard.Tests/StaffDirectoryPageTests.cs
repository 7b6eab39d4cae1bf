using AccessGrid.Dashboard.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>The Staff page searches and pages on the server: a page of 50, a total, Next and Previous by cursor, a
/// search by any word of the name with accents ignored; the browser never loads everyone. Events find a person by the
/// start of a name word.</summary>
[Collection(DashboardCollection.Name)]
public sealed class StaffDirectoryPageTests(DashboardCluster cluster)
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_staff_list_is_searched_and_paged_by_the_server(int width, int height)
    {
        // A word only these people have, so the search sees exactly them whatever else the cluster holds.
        var word = $"Qx{Guid.NewGuid():N}"[..10];
        var ids = Enumerable.Range(0, 53).Select(i => $"{word.ToLowerInvariant()}-{i:D2}").ToArray();
        using (var hr = cluster.A.Api(cluster.HrKey))
        {
            await Task.WhenAll(ids.Select((id, i) => hr.CreateStaff(id, i == 52 ? $"Zoë Ångström {word}" : $"Person {i} {word}")));
        }
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address, (width, height));
        await tab.SignInLiveAsync(cluster.HrKey);
        var requests = new List<string>();
        tab.Page.Request += (_, request) => { if (request.Url.Contains("/api/staff?")) lock (requests) requests.Add(request.Url); };
        await tab.GoToAsync("staff");
        var page = tab.Page;

        await page.Locator("#staff-search").FillAsync(word.ToUpperInvariant());
        await Expect(page.Locator("#staff-count")).ToHaveTextAsync("1–50 of 53");
        await Expect(page.Locator("#staff-list [data-staff-id]")).ToHaveCountAsync(50);
        await Expect(page.Locator("#staff-previous")).ToBeDisabledAsync();
        await page.Locator("#staff-next").ClickAsync();
        await Expect(page.Locator("#staff-count")).ToHaveTextAsync("51–53 of 53");
        await Expect(page.Locator("#staff-list [data-staff-id]")).ToHaveCountAsync(3);
        await Expect(page.Locator("#staff-next")).ToBeDisabledAsync();
        await page.Locator("#staff-previous").ClickAsync();
        await Expect(page.Locator($"#staff-list [data-staff-id='{ids[0]}']")).ToBeVisibleAsync();

        // Any word of the name, in any order, accents and case ignored; choosing with the keyboard opens the person.
        await page.Locator("#staff-search").FillAsync($"angstr {word.ToLowerInvariant()} zoe");
        await Expect(page.Locator("#staff-count")).ToHaveTextAsync("1–1 of 1");
        await page.Locator($"#staff-list [data-staff-id='{ids[52]}']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#person-name")).ToHaveTextAsync($"Zoë Ångström {word}");
        Assert.EndsWith($"#/staff?id={ids[52]}", page.Url);
        await Expect(page.Locator($"#staff-list [data-staff-id='{ids[52]}']")).ToBeFocusedAsync();

        // Every request asked for one page; none tried to load everyone.
        lock (requests) Assert.All(requests, url => Assert.Contains("limit=50", url));
        var axe = await page.RunAxe(Wcag);
        Assert.True(axe.Violations.Length == 0, string.Join('\n', axe.Violations.Select(v => $"{v.Id}: {v.Help}")));
        await tab.AssertNoSidewaysScrollAsync($"staff at {width} px");
        await tab.ScreenshotAsync($"staff-directory-{width}");
        tab.AssertCleanConsole();

        using var admin = cluster.A.Api(cluster.AdminKey);
        await Task.WhenAll(ids.Select(id => admin.EraseStaff(id)));
    }

    [Fact]
    public async Task Events_find_everyone_whose_name_word_starts_so_and_say_when_too_many_match()
    {
        var word = $"Ev{Guid.NewGuid():N}"[..10];
        var ids = new[] { $"{word.ToLowerInvariant()}-a", $"{word.ToLowerInvariant()}-b" };
        using var hr = cluster.A.Api(cluster.HrKey);
        await hr.CreateStaff(ids[0], $"Alma {word}");
        await hr.CreateStaff(ids[1], $"Bruno {word}");
        var crowd = $"Cr{Guid.NewGuid():N}"[..10];
        var many = Enumerable.Range(0, AccessGrid.Grains.AuditQuery.MaxPeople + 1).Select(i => $"{crowd.ToLowerInvariant()}-{i:D2}").ToArray();
        await Task.WhenAll(many.Select(id => hr.CreateStaff(id, $"Member {crowd}")));
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.GuardKey);
        await tab.GoToAsync("events");
        var page = tab.Page;

        // A guard types the start of the shared word: both people's creation rows, newest first.
        await page.Locator("#events-staff").FillAsync(word[..8].ToLowerInvariant());
        await page.Locator("#events-search button[type=submit]").ClickAsync();
        var rows = page.Locator("#events-rows tr.change");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync(ids[1]);
        await Expect(rows.Nth(1)).ToContainTextAsync(ids[0]);

        // A word that more than 20 people share: the page says so instead of guessing.
        await page.Locator("#events-staff").FillAsync(crowd.ToLowerInvariant());
        await page.Locator("#events-search button[type=submit]").ClickAsync();
        await Expect(page.Locator("#toasts .toast.error").Last).ToContainTextAsync("type more of the name");
        tab.AssertCleanConsole(allowFailedRequests: true);

        using var admin = cluster.A.Api(cluster.AdminKey);
        await Task.WhenAll(ids.Concat(many).Select(id => admin.EraseStaff(id)));
    }
}
