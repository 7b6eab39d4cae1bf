using System.Text.Json.Serialization;
using AccessGrid.Vision;

namespace AccessGrid.Cli.Evaluation;

/// <summary>report.json: every number of one `eval pairs` run (snake_case keys).</summary>
public sealed record EvaluationReport
{
    public required string Variant { get; init; }
    public required PipelineOptions Options { get; init; }
    public required ProtocolKind Protocol { get; init; }
    public required string ProtocolDescription { get; init; }
    public required string PairsFile { get; init; }
    public string? CalibrationFile { get; init; }
    public required string ImagesDirectory { get; init; }
    public required int Pairs { get; init; }
    /// <summary>Pairs with an image that yielded no face: counted as wrong in every accuracy.</summary>
    public required int FailedPairs { get; init; }

    public required double Accuracy { get; init; }
    /// <summary>Accuracy over the pairs whose images were both encoded, at the same threshold: what the encoder does
    /// when detection succeeds. Not the headline figure.</summary>
    public required double AccuracyExcludingFailures { get; init; }
    public double? AccuracyStd { get; init; }
    public required double AccuracyCosine { get; init; }
    public double? CalibrationAccuracy { get; init; }
    public required double Auc { get; init; }
    [JsonPropertyName("tar_at_far_1e-3")] public required double TarAtFar1e3 { get; init; }
    [JsonPropertyName("tar_at_far_1e-2")] public required double TarAtFar1e2 { get; init; }
    public required double Eer { get; init; }
    public required double ThresholdEuclidean { get; init; }
    public required double ThresholdCosine { get; init; }
    /// <summary>The operating point with the highest TAR whose false accept rate stays ≤ 1e-3 on the
    /// calibration pairs (the test pairs when there are none). A per-comparison FAR of 1e-3 is an FPIR of about 1 % in
    /// a 10-person gallery, so this is the data behind the default 1:K threshold.</summary>
    [JsonPropertyName("threshold_euclidean_at_far_1e-3")] public required double ThresholdEuclideanAtFar1e3 { get; init; }
    public required IReadOnlyList<FoldResult> Folds { get; init; }

    /// <summary>Distinct images encoded (test and calibration files together).</summary>
    public required int Images { get; init; }
    public required int DetectionFailures { get; init; }
    public required IReadOnlyDictionary<string, int> FailuresByKind { get; init; }
    /// <summary>Wall-clock time of the whole encoding pass divided by the images (all cores, batched).</summary>
    public required double MsPerImage { get; init; }
    /// <summary>Process CPU time of the encoding pass divided by the images (all threads): the cost per image.</summary>
    public required double CpuMsPerImage { get; init; }
    /// <summary>Mean per-image stage timings the pipeline reported.</summary>
    public required StageTimings StageMsPerImage { get; init; }
    public required int Parallelism { get; init; }
    public required int BatchSize { get; init; }

    public required Baselines Baselines { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
}
