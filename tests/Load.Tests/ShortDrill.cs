using AccessGrid.Cli.Drills;
using AccessGrid.TestSupport;

namespace AccessGrid.Load.Tests;

/// <summary>The drills shortened for CI: a light load for long enough that a fault at a third of the run still leaves
/// more than the 10 s recovery window to check. They run after the other tests, alone (tools/run-tests.sh runs the
/// "Drill" category last), because they time recovery and start several silos.</summary>
public static class ShortDrill
{
    public const string Category = "Drill";

    public static DrillOptions Options(TimeSpan duration, int malformedRequests = 1) => new(
        Doors: 4, Rate: 5, Duration: duration, People: 6,
        ImagesFolder: RepoPaths.Shared("datasets", "lfw-dev", "images"),
        Timeout: TimeSpan.FromSeconds(60), MalformedRequests: malformedRequests, MaxRssMegabytes: 2048);

    public static void AssertPassed(DrillResult result) =>
        Assert.True(result.Passed, string.Join("; ", result.Checks.Select(c => $"{c.Name}: {(c.Passed ? "pass" : "FAIL")} ({c.Measured})")
            .Concat(result.Figures.Select(f => $"{f.Key}: {f.Value}"))));
}
