using AccessGrid.Cli;
using AccessGrid.Cli.Infrastructure;

namespace AccessGrid.Cli.Tests.Commands;

/// <summary>The exit code and both streams of one in-process `accessgrid` invocation.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandRunner.InvokeAsync(Program.CreateRootCommand(), args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
