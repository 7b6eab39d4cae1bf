using AccessGrid.Cli.Drills;
using AccessGrid.TestSupport;

namespace AccessGrid.Load.Tests;

/// <summary>The malformed-request drill, shortened for CI: its own Azurite and silo, 300 hostile requests.</summary>
[Trait("Category", ShortDrill.Category), Collection(ShortDrill.Category)]
public sealed class MalformedDrillTests
{
    [SharedDataFact]
    public async Task Hostile_requests_get_4xx_never_5xx_and_the_silo_keeps_deciding()
    {
        var options = ShortDrill.Options(TimeSpan.FromSeconds(1), malformedRequests: 300);
        ShortDrill.AssertPassed(await MalformedDrill.Run(options, _ => { }, CancellationToken.None));
    }
}
