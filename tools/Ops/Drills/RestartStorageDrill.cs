using System.Globalization;

namespace AccessGrid.Ops.Drills;

/// <summary>Two silos under load while their store — Azurite, or PostgreSQL with --storage postgres — is stopped
/// (SIGTERM / pg_ctl fast; kill -9 with --hard) and, after an outage, restarted on the same ports and data. Passes when
/// every decision a reader got is audited, no grant is lost, and decisions flow again within 10 s of storage coming
/// back. Azurite keeps tables in memory and saves them every 5 s, so after a kill -9 it has forgotten writes it
/// acknowledged — the audit check then says when those were made. PostgreSQL acknowledges a commit only once it is in
/// its write-ahead log on disk, so it must lose nothing.</summary>
public static class RestartStorageDrill
{
    public const double OutageSeconds = 5;
    public const double ResumeLimitSeconds = 10;

    public static async Task<DrillResult> Run(DrillOptions options, Action<string> log, CancellationToken ct)
    {
        var name = options.Postgres ? "restart-storage-postgres" : "restart-storage-azurite";
        using var cluster = await DrillCluster.Start(name, 2, log, ct, postgres: options.Postgres);
        var store = options.Postgres ? "PostgreSQL" : "Azurite";
        var load = new DrillLoad(cluster, options, log);
        using var admin = await load.Prepare(ct);
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        double backAt = 0;
        var clockAtFault = System.Diagnostics.Stopwatch.StartNew();
        var (outcomes, killedAt, report) = await load.Run([0, 1], async () =>
        {
            clockAtFault.Restart();
            var clean = await cluster.StopStorage(options.Hard, ct);
            log(options.Hard ? $"kill -9 {store}; restarting it in {OutageSeconds:F0} s"
                : $"{store} stopped ({(clean ? "cleanly" : "forced after 15 s")}); restarting it in {OutageSeconds:F0} s");
            await Task.Delay(TimeSpan.FromSeconds(OutageSeconds), ct);
            await cluster.StartStorage(ct);
            backAt = clockAtFault.Elapsed.TotalSeconds;
            log($"{store} back after {backAt:F1} s");
        }, ct);
        double restoredAt = killedAt + backAt;

        var (pause, lateErrors) = DrillLoad.Recovery(outcomes, restoredAt, restoredAt + ResumeLimitSeconds);
        var checks = new List<DrillCheck>
        {
            await AuditCheck.EveryDecisionAudited(admin, outcomes, started, ct, faultAt: killedAt),
            await load.NoGrantLost(admin, ct),
            new("decisions resume within 10 s of storage returning", pause <= ResumeLimitSeconds, F($"longest pause after the restart {pause:F2} s")),
            new("no errors once recovered (10 s after the restart)", lateErrors == 0, F($"{lateErrors} errors")),
        };
        var figures = new Dictionary<string, string>(DrillFigures.Of(report, outcomes, killedAt, cluster, [0, 1]))
        {
            ["storage outage"] = F($"{store}, {(options.Hard ? "kill -9" : "clean stop")}, {backAt:F1} s from {killedAt:F1} s"),
        };
        return new DrillResult(name, checks, figures);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
