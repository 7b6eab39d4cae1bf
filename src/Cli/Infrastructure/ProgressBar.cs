using Spectre.Console;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>A Spectre progress bar with ETA around a piece of work that reports how many items it finished.</summary>
public static class ProgressBar
{
    public static T Run<T>(IAnsiConsole console, string description, int total, Func<Action<int>, T> work) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1));
                var gate = new Lock();
                var result = work(done =>
                {
                    // Workers report from several threads; Spectre's task is not meant to be written concurrently.
                    lock (gate) task.Increment(done);
                });
                task.Value = task.MaxValue;
                return result;
            });
}
