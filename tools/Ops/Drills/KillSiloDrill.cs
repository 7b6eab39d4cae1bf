using System.Globalization;

namespace AccessGrid.Ops.Drills;

/// <summary>Three silos in one cluster — Azure Table membership on Azurite, or PostgreSQL membership and state with
/// <c>--storage postgres</c>; readers post to silos 0 and 1 while silo 2 — which hosts a share
/// of the door, staff, index and audit grains — is killed with SIGKILL. Passes when every decision a reader got is in
/// the audit log, no grant is lost, and decisions never pause longer than 10 s.</summary>
public static class KillSiloDrill
{
    public const double ResumeLimitSeconds = 10;

    public static async Task<DrillResult> Run(DrillOptions options, Action<string> log, CancellationToken ct)
    {
        var name = options.Postgres ? "kill-silo-postgres" : "kill-silo";
        using var cluster = await DrillCluster.Start(name, 3, log, ct, postgres: options.Postgres);
        var load = new DrillLoad(cluster, options, log);
        using var admin = await load.Prepare(ct);
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        log($"readers on silos 0 and 1; silo 2 (pid {cluster.Silo(2)?.Id}) will be killed at {options.Duration.TotalSeconds / 3:F0} s");
        var (outcomes, killedAt, report) = await load.Run([0, 1], () =>
        {
            cluster.KillSilo(2);
            log("kill -9 silo 2");
            return Task.CompletedTask;
        }, ct);

        var (pause, lateErrors) = DrillLoad.Recovery(outcomes, killedAt, killedAt + ResumeLimitSeconds);
        var checks = new List<DrillCheck>
        {
            await AuditCheck.EveryDecisionAudited(admin, outcomes, started, ct),
            await load.NoGrantLost(admin, ct),
            new("decisions resume within 10 s", pause <= ResumeLimitSeconds, F($"longest pause after the kill {pause:F2} s")),
            new("no errors once recovered (10 s after the kill)", lateErrors == 0, F($"{lateErrors} errors")),
        };
        return new DrillResult(name, checks, DrillFigures.Of(report, outcomes, killedAt, cluster, [0, 1]));
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
