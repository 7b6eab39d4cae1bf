namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>One threshold of the DET curve, with the door's runner-up margin and without it.</summary>
public sealed record DetPoint(float Threshold, double Fpir, double Fnir, double FpirNoMargin, double FnirNoMargin);
