using AccessGrid.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests;

/// <summary>Issue test 3: delivery is cluster-wide. A browser connected to one silo sees decisions made through the
/// other, because every node's hub observer is subscribed to the one relay grain.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ClusterRelayTests(DashboardCluster cluster)
{
    [Fact]
    public async Task A_browser_on_each_silo_sees_decisions_made_through_the_other()
    {
        await using var onA = await cluster.Browser.OpenAsync(cluster.A.Address);
        await using var onB = await cluster.Browser.OpenAsync(cluster.B.Address);
        await onA.SignInLiveAsync(cluster.GuardKey);
        await onB.SignInLiveAsync(cluster.GuardKey);

        // Whatever the decision is (the demo photo's person is not enrolled), it must reach both browsers.
        using var throughA = cluster.A.Api(cluster.FrontReaderKey);
        using var throughB = cluster.B.Api(cluster.FrontReaderKey);
        var madeOnA = await throughA.Access(DashboardCluster.FrontDoor, DashboardCluster.SamplePicture());
        var madeOnB = await throughB.Access(DashboardCluster.FrontDoor, DashboardCluster.SamplePicture());

        foreach (var tab in new[] { onA, onB })
        foreach (var decision in new[] { madeOnA, madeOnB })
        {
            var row = tab.Page.Locator($"#live-rows tr[data-event-id='{decision.EventId}']");
            await Expect(row).ToBeVisibleAsync(new() { Timeout = 5_000 });
            await Expect(row.Locator(".badge")).ToHaveTextAsync(decision.IsGranted ? "granted" : "denied");
        }

        await onB.ScreenshotAsync("live-on-silo-b");
        onA.AssertCleanConsole();
        onB.AssertCleanConsole();
    }
}
