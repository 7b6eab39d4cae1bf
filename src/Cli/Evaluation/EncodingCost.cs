namespace AccessGrid.Cli.Evaluation;

/// <summary>What encoding one image cost: wall-clock and CPU milliseconds, averaged over the run.</summary>
public readonly record struct EncodingCost(double WallMsPerImage, double CpuMsPerImage);
