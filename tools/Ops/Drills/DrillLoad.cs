using System.Diagnostics;
using System.Net;
using AccessGrid.Client;
using AccessGrid.Ops.Load;

namespace AccessGrid.Ops.Drills;

/// <summary>Sets up doors and staff on a drill cluster, runs the open-loop readers against some of its silos, and
/// calls <paramref name="fault"/> a third of the way in. Returns the outcomes and when (on the run's clock) the fault hit.</summary>
public sealed class DrillLoad(DrillCluster cluster, DrillOptions options, Action<string> log)
{
    public LoadScenario Scenario { get; private set; } = null!;
    public IReadOnlyList<string> EnrolledStaff { get; private set; } = [];

    public async Task<AccessGridClient> Prepare(CancellationToken ct)
    {
        var admin = AccessGridClient.Create(cluster.Url(0), cluster.AdminKey, options.Timeout);
        var library = FrameLibrary.Load(options.ImagesFolder, options.People, 2 * options.People);
        Scenario = await LoadScenario.Prepare(admin, library, options.Doors, log, ct);
        EnrolledStaff = Scenario.Frames.Where(f => f.StaffId is not null).Select(f => f.StaffId!).Distinct().ToList();
        return admin;
    }

    public async Task<(IReadOnlyList<RequestOutcome> Outcomes, double FaultSeconds, LoadReport Report)> Run(
        IReadOnlyList<int> gatewaySilos, Func<Task> fault, CancellationToken ct)
    {
        var settings = new LoadSettings(options.Doors, options.Rate, options.Duration, new LoadMix(70, 20, 10), options.Timeout);
        var gateways = gatewaySilos.Select(i => AccessGridClient.Create(cluster.Url(i), cluster.AdminKey, options.Timeout)).ToList();
        try
        {
            var runner = new OpenLoopRunner(gateways, Scenario, settings);
            var clock = Stopwatch.StartNew();
            var run = runner.Run(ct);
            await Task.Delay(options.Duration / 3, ct);
            double faultAt = clock.Elapsed.TotalSeconds;
            await fault();
            var outcomes = await run;
            return (outcomes, faultAt, LoadReport.From(outcomes, settings));
        }
        finally
        {
            foreach (var g in gateways) g.Dispose();
        }
    }

    /// <summary>Every enrolled person still holds a grant for every load door.</summary>
    public async Task<DrillCheck> NoGrantLost(AccessGridClient admin, CancellationToken ct)
    {
        int intact = 0;
        foreach (var staff in EnrolledStaff)
        {
            try
            {
                if ((await admin.GetStaff(staff, ct)).Grants.Length >= options.Doors) intact++;
            }
            catch (AccessGridApiException e) when (e.Status == HttpStatusCode.NotFound) { } // the person is gone: grants lost too
        }
        return new DrillCheck("no grant lost", intact == EnrolledStaff.Count, $"{intact} of {EnrolledStaff.Count} people keep all {options.Doors} grants");
    }

    /// <summary>The longest time after <paramref name="fromSeconds"/> during which no decision came back, and the
    /// errors among requests due after <paramref name="settleSeconds"/>.</summary>
    public static (double LongestPauseSeconds, int ErrorsAfterSettle) Recovery(IReadOnlyList<RequestOutcome> outcomes, double fromSeconds, double settleSeconds)
    {
        var completions = outcomes.Where(o => o.Succeeded).Select(o => o.DueSeconds + o.LatencyMs / 1000)
            .Where(t => t >= fromSeconds).Order().ToList();
        double end = outcomes.Count == 0 ? fromSeconds : outcomes.Max(o => o.DueSeconds);
        double previous = fromSeconds, longest = 0;
        foreach (var t in completions.Append(Math.Max(end, completions.LastOrDefault())))
        {
            longest = Math.Max(longest, t - previous);
            previous = t;
        }
        return (longest, outcomes.Count(o => !o.Succeeded && o.DueSeconds >= settleSeconds));
    }
}
