using System.CommandLine;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Ops.Commands;

namespace AccessGrid.Ops;

/// <summary>`accessgrid-ops`, reached through the launcher as `./accessgrid load …`, `./accessgrid drill …` and `./accessgrid bench …`.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => CommandRunner.InvokeAsync(
        new RootCommand("AccessGrid operations tooling: load generator, fault drills, the scale run and capacity benchmarks (run from a source checkout).")
        {
            LoadCommand.Create(),
            DrillCommand.Create(),
            ScaleCommand.Create(),
            BenchCommand.Create(),
        },
        args, Console.Out, Console.Error);
}
