using AccessGrid.Cli.Drills;
using AccessGrid.Cli.Load;
using AccessGrid.TestSupport;

namespace AccessGrid.Load.Tests;

/// <summary>The malformed-request drill, shortened for CI: its own Azurite and silo, 300 hostile requests.</summary>
public sealed class MalformedDrillTests
{
    [SharedDataFact]
    public async Task Hostile_requests_get_4xx_never_5xx_and_the_silo_keeps_deciding()
    {
        var images = RepoPaths.Shared("datasets", "lfw-dev", "images");
        var options = new DrillOptions(Doors: 1, Rate: 1, Duration: TimeSpan.FromSeconds(1), People: 1, ImagesFolder: images,
            Timeout: TimeSpan.FromSeconds(60), MalformedRequests: 300, MaxRssMegabytes: 2048);
        var result = await MalformedDrill.Run(options, _ => { }, CancellationToken.None);
        Assert.True(result.Passed, string.Join("; ", result.Checks.Select(c => $"{c.Name}: {(c.Passed ? "pass" : "FAIL")} ({c.Measured})")));
    }
}
