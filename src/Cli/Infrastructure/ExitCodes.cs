namespace AccessGrid.Cli.Infrastructure;

public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>A file, image or model the command needed was missing or unusable.</summary>
    public const int InputProblem = 1;
    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;
}
