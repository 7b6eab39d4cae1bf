using System.Diagnostics;
using Spectre.Console;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>A Spectre progress bar with ETA around a piece of work that reports how many items it finished.</summary>
public static class ProgressBar
{
    public static T Run<T>(IAnsiConsole console, string description, int total, Func<Action<int>, T> work)
    {
        // A redirected stream cannot redraw a bar: say once what was done instead of a trail of stale percentages.
        if (!console.Profile.Capabilities.Interactive)
        {
            var clock = Stopwatch.StartNew();
            var done = work(_ => { });
            console.WriteLine(FormattableString.Invariant($"{description}: {total} done in {clock.Elapsed.TotalSeconds:F1} s"));
            return done;
        }

        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1));
                var gate = new Lock();
                var result = work(finished =>
                {
                    // Workers report from several threads; Spectre's task is not meant to be written concurrently.
                    lock (gate) task.Increment(finished);
                });
                task.Value = task.MaxValue;
                return result;
            });
    }
}
