using System.CommandLine;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Ops.Commands;

namespace AccessGrid.Ops;

/// <summary>`accessgrid-ops`, reached through the launcher as `./accessgrid load …` and `./accessgrid drill …`.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => CommandRunner.InvokeAsync(
        new RootCommand("AccessGrid operations tooling: load generator and fault drills (run from a source checkout).")
        {
            LoadCommand.Create(),
            DrillCommand.Create(),
        },
        args, Console.Out, Console.Error);
}
