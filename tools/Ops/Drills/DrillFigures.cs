using System.Globalization;
using AccessGrid.Ops.Load;

namespace AccessGrid.Ops.Drills;

/// <summary>The numbers a drill reports beside its checks.</summary>
public static class DrillFigures
{
    public static IReadOnlyDictionary<string, string> Of(LoadReport report, IReadOnlyList<RequestOutcome> outcomes, double faultAt,
        DrillCluster cluster, IReadOnlyList<int> survivors)
    {
        var afterFault = outcomes.Where(o => o.DueSeconds >= faultAt).ToList();
        return new Dictionary<string, string>
        {
            ["requests / decisions"] = F($"{report.Requests} / {report.Decisions}"),
            ["throughput"] = F($"{report.Throughput:F1} decisions/s"),
            ["latency p50 / p99 / max"] = F($"{report.P50Ms:F1} / {report.P99Ms:F1} / {report.MaxMs:F1} ms"),
            ["fault at"] = F($"{faultAt:F1} s"),
            ["errors after the fault"] = afterFault.Count(o => !o.Succeeded) == 0 ? "none"
                : string.Join(", ", afterFault.Where(o => !o.Succeeded).GroupBy(o => o.Error).Select(g => $"{g.Key} {g.Count()}")),
            ["unexpected decisions"] = F($"{outcomes.Count(o => o.Succeeded && !o.AsExpected)} of {report.Decisions}"),
            ["peak RSS of serving silos"] = string.Join(", ", survivors.Select(i => cluster.Silo(i)?.PeakRssMegabytes is { } mb ? F($"{mb:F0} MB") : "gone")),
        };
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
