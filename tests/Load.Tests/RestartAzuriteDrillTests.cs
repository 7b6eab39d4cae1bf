using AccessGrid.Cli.Drills;
using AccessGrid.TestSupport;

namespace AccessGrid.Load.Tests;

/// <summary>The restart-azurite drill, shortened for CI: two silos, 5 requests/s for 42 s, storage stopped at 14 s
/// and back about 5 s later.</summary>
[Trait("Category", ShortDrill.Category), Collection(ShortDrill.Category)]
public sealed class RestartAzuriteDrillTests
{
    [SharedDataFact]
    public async Task Restarting_storage_loses_no_audited_decision_or_grant_and_decisions_resume()
    {
        var options = ShortDrill.Options(TimeSpan.FromSeconds(42));
        ShortDrill.AssertPassed(await RestartAzuriteDrill.Run(options, _ => { }, CancellationToken.None));
    }
}
