using AccessGrid.Vision;

namespace AccessGrid.Cli.Evaluation;

/// <summary>Everything `eval pairs` was asked to do.</summary>
public sealed record EvaluationSettings(
    string PairsPath,
    string ImagesDirectory,
    string? CalibrationPath,
    string OutputDirectory,
    string Variant,
    PipelineOptions Options,
    int BatchSize,
    int Parallelism);
