using System.Diagnostics;
using System.Net;
using AccessGrid.Dashboard.Tests.Infrastructure;
using AccessGrid.Grains;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>Accountable keys in the dashboard: the admin's Keys page creates a key (secret shown once) and revokes it,
/// and a revoked key's live connections are closed on every silo at once, not at its next request.</summary>
[Collection(DashboardCollection.Name)]
public sealed class KeysPageTests(DashboardCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Revoking_a_key_closes_its_hub_connections_on_every_silo()
    {
        using var admin = cluster.A.Api(cluster.AdminKey);
        var (key, keyId, _, _) = await admin.CreateKey(ApiRole.Guard);
        var connections = new[] { cluster.A, cluster.B }.Select(silo => new HubConnectionBuilder()
            .WithUrl(new Uri(silo.Address, "/hub/decisions"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(key))
            .Build()).ToArray();
        var closed = connections.Select(c =>
        {
            var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            c.Closed += _ => { done.TrySetResult(Stopwatch.GetTimestamp()); return Task.CompletedTask; };
            return done;
        }).ToArray();
        foreach (var connection in connections) await connection.StartAsync();
        // A browser signed in on B with the same key is signed out too: its reconnection is refused.
        await using var tab = await cluster.Browser.OpenAsync(cluster.B.Address);
        await tab.SignInLiveAsync(key);

        var revoking = Stopwatch.GetTimestamp();
        await admin.RevokeKey(keyId);
        var closedAt = await Task.WhenAll(closed.Select(c => c.Task.WaitAsync(TimeSpan.FromSeconds(10))));

        foreach (var (at, silo) in closedAt.Zip(["A", "B"]))
            output.WriteLine($"silo {silo}: hub connection closed {Stopwatch.GetElapsedTime(revoking, at).TotalMilliseconds:F0} ms after the revocation was sent");
        Assert.All(connections, c => Assert.Equal(HubConnectionState.Disconnected, c.State));
        await Expect(tab.Page.Locator("#sign-in-error")).ToHaveTextAsync("Your key is no longer accepted; sign in again.", new() { Timeout = 10_000 });
        var again = new HubConnectionBuilder()
            .WithUrl(new Uri(cluster.A.Address, "/hub/decisions"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(key)).Build();
        await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
        foreach (var connection in connections.Append(again)) await connection.DisposeAsync();
    }

    [Fact]
    public async Task The_keys_page_creates_a_key_shows_its_secret_once_and_revokes_it()
    {
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.AdminKey);
        await tab.GoToAsync("keys");
        var page = tab.Page;

        var label = $"Side door reader {Guid.NewGuid():N}"[..30];
        await page.Locator("#key-label").FillAsync(label);
        await page.Locator("#key-owner").FillAsync("Facilities");
        await page.Locator("#key-role").SelectOptionAsync("reader");
        await page.Locator("#key-door").SelectOptionAsync(DashboardCluster.FrontDoor);
        await page.Locator("#create-key button[type='submit']").ClickAsync();

        var secret = page.Locator("#new-key-secret");
        await Expect(secret).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^agk_"));
        var key = await secret.InputValueAsync();
        var row = page.Locator("#key-rows tr", new() { HasText = label });
        await Expect(row).ToContainTextAsync("Facilities");
        await Expect(row).ToContainTextAsync(DashboardCluster.FrontDoor);
        await Expect(row).ToContainTextAsync("First admin key");
        await tab.ScreenshotAsync("keys-created");
        using (var reader = cluster.B.Client(key))
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/dashboard/me")).StatusCode);
        await page.Locator("#new-key button").ClickAsync();
        await Expect(secret).ToHaveCountAsync(0);
        Assert.DoesNotContain(key, await page.ContentAsync());

        await row.Locator("button[data-revoke]").ClickAsync();
        await page.Locator("dialog.confirm button[value='confirm']").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        using (var revoked = cluster.B.Client(key))
            Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/dashboard/me")).StatusCode);
        tab.AssertCleanConsole();
    }

    [Fact]
    public async Task Only_admins_see_the_keys_page()
    {
        await using var tab = await cluster.Browser.OpenAsync(cluster.A.Address);
        await tab.SignInLiveAsync(cluster.HrKey);
        await Expect(tab.Page.Locator("#nav a[data-page='keys']")).ToBeHiddenAsync();
        await tab.Page.GotoAsync("/#/keys");
        await Expect(tab.Page.Locator("#page")).ToHaveAttributeAsync("data-page", "live");
    }
}
