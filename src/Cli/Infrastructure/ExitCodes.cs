namespace AccessGrid.Cli.Infrastructure;

public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>A file, image or model the command needed was missing or unusable.</summary>
    public const int InputProblem = 1;
    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;
    /// <summary>The command worked and the answer is no: `verify` found different people, `identify` an Unknown face.
    /// Scripts can branch on it without parsing the output.</summary>
    public const int NoMatch = 3;
}
