using System.CommandLine;
using AccessGrid.Cli.Evaluation;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>Parses, invokes and turns every failure into one stderr line and an exit code (2 usage, 1 input).</summary>
public static class CommandRunner
{
    public static async Task<int> InvokeAsync(
        RootCommand root, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors) error.WriteLine($"error: {problem.Message}");
            error.WriteLine("Run 'accessgrid --help' (or 'accessgrid <command> --help') for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception caught)
        {
            // Parallel loops wrap the real cause (the first is reported when several batches failed).
            var e = caught is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : caught;
            var (message, code) = e switch
            {
                CliException cli => (cli.Message, cli.ExitCode),
                PairsFileException pairs => (pairs.Message, ExitCodes.InputProblem),
                OperationCanceledException => ("cancelled", ExitCodes.InputProblem),
                // Anything else is still reported in one line: the user gets the cause, not a stack trace.
                _ => ($"{e.GetType().Name}: {e.Message}", ExitCodes.InputProblem),
            };
            error.WriteLine($"error: {message}");
            return code;
        }
    }
}
