using System.CommandLine;
using AccessGrid.Cli.Commands;
using AccessGrid.Cli.Infrastructure;

namespace AccessGrid.Cli;

public static class Program
{
    /// <summary>The whole command tree; public so tests can invoke it in-process.</summary>
    public static RootCommand CreateRootCommand() => new("AccessGrid: face detection, verification, identification and evaluation.")
    {
        ModelsCommand.Create(),
        DetectCommand.Create(),
        EmbedCommand.Create(),
        VerifyCommand.Create(),
        IdentifyCommand.Create(),
        EvalCommand.Create(),
        AuditCommand.Create(),
        StaffCommand.Create(),
        BackupCommand.Create(),
        RestoreCommand.Create(),
    };

    public static Task<int> Main(string[] args) => CommandRunner.InvokeAsync(CreateRootCommand(), args, Console.Out, Console.Error);
}
