using System.Globalization;
using Spectre.Console;

namespace AccessGrid.Ops.Load;

/// <summary>How a run looks on screen: a live table on a terminal, a line every five seconds in a log, and the summary.</summary>
public static class LoadConsole
{
    public static async Task<T> WithLiveProgress<T>(IAnsiConsole console, bool interactive, LoadProgress progress, Task<T> run)
    {
        if (interactive)
        {
            await console.Live(Render(progress.Snapshot())).AutoClear(false).StartAsync(async context =>
            {
                while (!run.IsCompleted)
                {
                    await Task.WhenAny(run, Task.Delay(500));
                    context.UpdateTarget(Render(progress.Snapshot()));
                }
            });
            return await run;
        }
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(5000));
            if (!run.IsCompleted) console.WriteLine(Line(progress.Snapshot()));
        }
        return await run;
    }

    public static void WriteSummary(IAnsiConsole console, LoadReport report, LoadSettings settings)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("load summary").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("doors / offered rate", F($"{settings.Doors} doors, {report.OfferedRate:F1} req/s for {settings.Duration.TotalSeconds:F0} s"));
        Row("requests / decisions (200)", F($"{report.Requests} / {report.Decisions}"));
        Row("throughput", F($"{report.Throughput:F1} decisions/s over {report.WallSeconds:F1} s"));
        Row("latency p50 / p95 / p99 / max", F($"{report.P50Ms:F1} / {report.P95Ms:F1} / {report.P99Ms:F1} / {report.MaxMs:F1} ms"));
        Row("errors", report.Errors == 0 ? "none" : string.Join(", ", report.ErrorsByKind.Select(e => $"{e.Key} {e.Value}")));
        foreach (var (frame, (expected, unexpected)) in report.OutcomesByFrame)
            Row($"{frame} frames", F($"{expected} as expected, {unexpected} not"));
        Row("decisions", string.Join(", ", report.DecisionsByReason.Select(d => $"{d.Key} {d.Value}")));
        console.Write(table);
    }

    private static Table Render(LoadSnapshot s) =>
        new Table().Border(TableBorder.Rounded)
            .AddColumns("elapsed", "sent", "answered", "in flight", "errors", "p50 ms", "p99 ms", "max ms")
            .AddRow(F($"{s.Elapsed.TotalSeconds:F0} s"), F($"{s.Sent}/{s.Total}"), F($"{s.Completed}"), F($"{s.InFlight}"),
                s.Errors == 0 ? "0" : $"[red]{s.Errors}[/]", F($"{s.P50:F1}"), F($"{s.P99:F1}"), F($"{s.Max:F1}"));

    private static string Line(LoadSnapshot s) =>
        F($"{s.Elapsed.TotalSeconds,5:F0} s  sent {s.Sent}/{s.Total}  answered {s.Completed}  in flight {s.InFlight}  errors {s.Errors}  p50 {s.P50:F1} ms  p99 {s.P99:F1} ms  max {s.Max:F1} ms");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
