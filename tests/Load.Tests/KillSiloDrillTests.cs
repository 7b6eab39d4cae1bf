using AccessGrid.Cli.Drills;
using AccessGrid.TestSupport;

namespace AccessGrid.Load.Tests;

/// <summary>The kill-silo drill, shortened for CI: three silos, 5 requests/s for 36 s, silo 2 killed at 12 s.</summary>
[Trait("Category", ShortDrill.Category), Collection(ShortDrill.Category)]
public sealed class KillSiloDrillTests
{
    [SharedDataFact]
    public async Task Killing_a_silo_loses_no_audited_decision_or_grant_and_decisions_resume()
    {
        var options = ShortDrill.Options(TimeSpan.FromSeconds(36));
        ShortDrill.AssertPassed(await KillSiloDrill.Run(options, _ => { }, CancellationToken.None));
    }
}
