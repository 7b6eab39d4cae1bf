using System.Globalization;
using AccessGrid.Client;
using AccessGrid.Ops.Drills;
using AccessGrid.Ops.Load;
using Azure.Data.Tables;

namespace AccessGrid.Ops.Capacity;

/// <summary>Azurite's wall (issue 13): one silo on its own Azurite; real people enrolled from photos for the readers;
/// then, size after size, the store is grown through the grains (<see cref="SyntheticSite"/>) until Azurite's table
/// database reaches the size, and door readers (open loop) and a plain insert probe run side by side.</summary>
public static class StorageWall
{
    public static async Task<IReadOnlyList<WallStep>> Run(WallOptions options, Action<string> log, CancellationToken ct)
    {
        using var cluster = await DrillCluster.Start("storage-wall", 1, log, ct);
        using var admin = AccessGridClient.Create(cluster.Url(0), cluster.AdminKey, options.Load.Timeout);
        var library = FrameLibrary.Load(options.ImagesFolder, options.RealPeople, 2 * options.RealPeople, options.Frame);
        var scenario = await LoadScenario.Prepare(admin, library, options.Load.Doors, log, ct);
        await using var client = await ClusterClient.Connect(cluster, ct);
        // The load doors' zone is "load" (LoadScenario): the synthetic people may pass them too.
        var site = new SyntheticSite(client.Grains, [.. scenario.Doors.Select(d => d.DoorId)], "load", options.TemplatesPerPerson);
        var database = new AzuriteTableDatabase(cluster.AzuriteFolder);
        var probe = new InsertProbe(new TableClient(cluster.ConnectionString, "StorageWallProbe"));

        var bytes = await database.SavedBytesAfter(DateTime.MinValue, ct);
        // First guesses from a measured run (a person with their change entries, a decision with its copies); measured
        // again after every round. Rounds of at most 2,000 people keep a wrong guess from overshooting far.
        double perPerson = 13_000, perDecision = 3_700;
        var steps = new List<WallStep>();
        foreach (var target in options.SizesMb)
        {
            while (bytes < target * 1e6)
            {
                var people = (int)Math.Clamp((target * 1e6 - bytes) / (perPerson + options.DecisionsPerPerson * perDecision), 50, 2_000);
                var decisions = people * options.DecisionsPerPerson;
                var before = bytes;
                var started = DateTime.UtcNow;
                await site.AddPeople(people, ct);
                var afterPeople = await database.SavedBytesAfter(DateTime.UtcNow, ct);
                await site.AddDecisions(decisions, ct);
                bytes = await database.SavedBytesAfter(DateTime.UtcNow, ct);
                perPerson = Math.Max(1, (afterPeople - before) / (double)people);
                if (decisions > 0) perDecision = Math.Max(1, (bytes - afterPeople) / (double)decisions);
                log(F($"+{people} people, +{decisions} decisions in {(DateTime.UtcNow - started).TotalSeconds:F0} s: table database {bytes / 1e6:F1} MB ({perPerson:F0} bytes a person, {perDecision:F0} bytes a decision)"));
            }
            steps.Add(await Measure(target, bytes, site, scenario, admin, probe, options.Load, log, ct));
        }
        return steps;
    }

    private static async Task<WallStep> Measure(int target, long bytes, SyntheticSite site, LoadScenario scenario, AccessGridClient admin,
        InsertProbe probe, LoadSettings settings, Action<string> log, CancellationToken ct)
    {
        var loadBefore = LoadAverage();
        log(F($"{target} MB: {settings.Rate} door requests/s for {settings.Duration.TotalSeconds:F0} s beside the insert probe (load average {loadBefore:F1})"));
        var runner = new OpenLoopRunner([admin], scenario, settings);
        var doors = runner.Run(ct);
        var writes = probe.Run(settings.Duration, ct);
        var report = LoadReport.From(await doors, settings);
        var step = new WallStep(target, bytes / 1e6, site.People, site.Decisions, report, await writes, loadBefore, LoadAverage());
        log(F($"{target} MB: door p50 {report.P50Ms:F1} / p99 {report.P99Ms:F1} ms; inserts p50 {step.Probe.P50Ms:F1} / max {step.Probe.MaxMs:F0} ms, {step.Probe.Stalls} of them ≥ {InsertProbe.StallMs:F0} ms"));
        return step;
    }

    /// <summary>The 1-minute load average: every latency published from this shared machine says it.</summary>
    public static double LoadAverage()
    {
        try { return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture); }
        catch (IOException) { return double.NaN; }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
