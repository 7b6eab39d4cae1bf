using System.CommandLine;

namespace AccessGrid.Cli.Commands;

/// <summary>`accessgrid eval …`: accuracy benchmarks.</summary>
public static class EvalCommand
{
    public static Command Create() => new("eval", "Measure accuracy on labelled datasets.") { EvalPairsCommand.Create(), EvalOpenSetCommand.Create(), EvalLivenessCommand.Create() };
}
