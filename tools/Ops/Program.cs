using System.CommandLine;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Ops.Commands;

namespace AccessGrid.Ops;

public static class Program
{
    /// <summary>The ops command tree; public so tests can invoke it in-process.</summary>
    public static RootCommand CreateRootCommand() => new("AccessGrid operations tooling: load generator and fault drills (run from a source checkout).")
    {
        LoadCommand.Create(),
        DrillCommand.Create(),
    };

    public static Task<int> Main(string[] args) => CommandRunner.InvokeAsync(CreateRootCommand(), args, Console.Out, Console.Error);
}
