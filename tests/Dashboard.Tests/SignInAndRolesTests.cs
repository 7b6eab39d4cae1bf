using System.Net;
using System.Net.Http.Json;
using AccessGrid.Dashboard.Tests.Infrastructure;
using AccessGrid.Grains;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>Issue test 4: a wrong key is refused; a guard can watch but cannot reach the Staff page's write actions,
/// neither in the pages nor through the API behind them.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SignInAndRolesTests(DashboardCluster cluster)
{
    [Fact]
    public async Task A_wrong_key_and_a_reader_key_are_refused()
    {
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInAsync("agk_this-key-was-never-issued");
        await Expect(tab.Page.Locator("#sign-in-error")).ToHaveTextAsync("This key was refused.");
        await Expect(tab.Page.Locator("#topbar")).ToBeHiddenAsync();
        await tab.ScreenshotAsync("sign-in-refused");

        await tab.Page.Locator("#api-key").FillAsync(cluster.FrontReaderKey);
        await tab.Page.Locator("#api-key").PressAsync("Enter");
        await Expect(tab.Page.Locator("#sign-in-error")).ToContainTextAsync("reader key cannot sign in");
        await Expect(tab.Page.Locator("#topbar")).ToBeHiddenAsync();
        Assert.Null(await tab.Page.EvaluateAsync<string?>("sessionStorage.getItem('accessgrid.key')"));

        // The hub itself refuses a connection without a valid key.
        using var anonymous = cluster.A.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/hub/decisions/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/hub/decisions/negotiate?negotiateVersion=1&access_token=wrong", null)).StatusCode);
        tab.AssertCleanConsole(allowFailedRequests: true);
    }

    [Fact]
    public async Task A_key_revoked_since_sign_in_is_asked_for_again()
    {
        using var admin = cluster.A.Api(cluster.AdminKey);
        var (key, keyId, _, _) = await admin.CreateKey(ApiRole.Guard);
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(key);

        await admin.RevokeKey(keyId);
        await tab.Page.ReloadAsync();
        await Expect(tab.Page.Locator("#sign-in-error")).ToHaveTextAsync("Your key is no longer accepted; sign in again.");
        await Expect(tab.Page.Locator("#topbar")).ToBeHiddenAsync();
        tab.AssertCleanConsole(allowFailedRequests: true);
    }

    [Fact]
    public async Task A_guard_sees_no_staff_page_and_the_api_refuses_its_writes()
    {
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.GuardKey);
        var page = tab.Page;

        await Expect(page.Locator("#role-badge")).ToHaveTextAsync("guard");
        await Expect(page.Locator("#nav a[data-page='staff']")).ToBeHiddenAsync();
        await Expect(page.Locator("#orleans-link")).ToBeHiddenAsync();
        // Typing the address does not help: the router sends a guard back to Live.
        await page.EvaluateAsync("location.hash = '#/staff'");
        await Expect(page.Locator("#page")).ToHaveAttributeAsync("data-page", "live");
        await Expect(page.Locator("#create-staff, #grant-form, #enroll-files, #erase-person")).ToHaveCountAsync(0);

        using var guard = cluster.A.Client(cluster.GuardKey);
        var writes = new (string What, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("create staff", () => guard.PostAsJsonAsync("/api/staff", new { id = "intruder", name = "Intruder" })),
            ("grant", () => guard.PutAsync("/api/staff/younes/grants/front", null)),
            ("revoke", () => guard.DeleteAsync("/api/staff/younes/grants/front")),
            ("suspend", () => guard.PatchAsJsonAsync("/api/staff/younes", new { status = "suspended" })),
            ("enroll", () => guard.PostAsync("/api/staff/younes/faces", new ByteArrayContent([0xFF, 0xD8, 0xFF]) { Headers = { ContentType = new("image/jpeg") } })),
            ("erase", () => guard.DeleteAsync("/api/staff/younes")),
        };
        foreach (var (what, call) in writes)
            Assert.True((await call()).StatusCode == HttpStatusCode.Forbidden, $"a guard key could {what}");

        // Nor may a guard open the Orleans Dashboard, which is for admins.
        Assert.Equal(HttpStatusCode.Forbidden, (await guard.GetAsync("/orleans/")).StatusCode);
        tab.AssertCleanConsole();
    }
}
