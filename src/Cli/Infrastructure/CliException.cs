namespace AccessGrid.Cli.Infrastructure;

/// <summary>A failure the user can act on: printed as one line on stderr, mapped to an exit code, never a stack trace.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.InputProblem) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(message, ExitCodes.Usage);
}
