using AccessGrid.Ops.Drills;
using AccessGrid.TestSupport;

namespace AccessGrid.Ops.Tests;

/// <summary>The three fault drills (kill-silo also on PostgreSQL) and the security drill, shortened for CI: a light load (4 doors, 5 requests/s) for long enough that a fault
/// at a third of the run still leaves more than the 10 s recovery window to check. They run after the other tests,
/// alone (tools/run-tests.sh runs the "Drill" category last), because they time recovery and start silos of their own.</summary>
[Trait("Category", Category), Collection(Category)]
public sealed class ShortDrillTests
{
    public const string Category = "Drill";

    /// <summary>Three silos, silo 2 killed with SIGKILL at 12 s.</summary>
    [SharedDataFact]
    public async Task Killing_a_silo_loses_no_audited_decision_or_grant_and_decisions_resume() =>
        AssertPassed(await KillSiloDrill.Run(Options(TimeSpan.FromSeconds(36)), _ => { }, CancellationToken.None));

    /// <summary>The same on the PostgreSQL profile: state and cluster membership in a private PostgreSQL, no Azurite.</summary>
    [SharedDataFact(NeedsPostgres = true)]
    public async Task Killing_a_silo_of_a_postgresql_cluster_loses_no_audited_decision_or_grant_and_decisions_resume() =>
        AssertPassed(await KillSiloDrill.Run(Options(TimeSpan.FromSeconds(36)) with { Postgres = true }, _ => { }, CancellationToken.None));

    /// <summary>Two silos, storage stopped at 14 s and back about 5 s later.</summary>
    [SharedDataFact]
    public async Task Restarting_storage_loses_no_audited_decision_or_grant_and_decisions_resume() =>
        AssertPassed(await RestartStorageDrill.Run(Options(TimeSpan.FromSeconds(42)), _ => { }, CancellationToken.None));

    /// <summary>Its own Azurite and silo, 300 hostile requests.</summary>
    [SharedDataFact]
    public async Task Hostile_requests_get_4xx_never_5xx_and_the_silo_keeps_deciding() =>
        AssertPassed(await MalformedDrill.Run(Options(TimeSpan.FromSeconds(1), malformedRequests: 300), _ => { }, CancellationToken.None));

    /// <summary>Two silos: the key matrix, hostile JSON and ids, four 40 MP PNGs at once, the 429 and the erasure scan.</summary>
    [SharedDataFact]
    public async Task Security_matrix_hostile_inputs_and_erasure_scan_all_pass() =>
        AssertPassed(await SecurityDrill.Run(Options(TimeSpan.FromSeconds(1), malformedRequests: 4) with { MaxRssMegabytes = 1536 }, _ => { }, CancellationToken.None));

    private static DrillOptions Options(TimeSpan duration, int malformedRequests = 1) => new(
        Doors: 4, Rate: 5, Duration: duration, People: 6,
        ImagesFolder: RepoPaths.Shared("datasets", "lfw-dev", "images"),
        Timeout: TimeSpan.FromSeconds(60), MalformedRequests: malformedRequests, MaxRssMegabytes: 2048);

    /// <summary>Fails with every check and figure, so a CI log says what broke and by how much.</summary>
    private static void AssertPassed(DrillResult result) =>
        Assert.True(result.Passed, string.Join("; ", result.Checks.Select(c => $"{c.Name}: {(c.Passed ? "pass" : "FAIL")} ({c.Measured})")
            .Concat(result.Figures.Select(f => $"{f.Key}: {f.Value}"))));
}
