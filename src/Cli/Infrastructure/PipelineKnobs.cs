using System.CommandLine;
using System.Globalization;
using AccessGrid.Vision;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>The options every face command shares: where the models are and the pipeline tunables, mapped onto
/// <see cref="PipelineOptions"/>, so a benchmark can compare variants one flag at a time.</summary>
public sealed class PipelineKnobs
{
    private static readonly PipelineOptions Defaults = new();

    private readonly Option<string?> _models = new("--models")
    {
        Description = "Folder holding the ONNX models (default: $ACCESSGRID_HOME/models).",
    };
    private readonly Option<int> _detectorSize = new("--detector-size")
    {
        Description = "Detector input size, a multiple of 32.",
        DefaultValueFactory = _ => Defaults.DetectorSize,
    };
    private readonly Option<int> _rescueSize = new("--rescue-size")
    {
        Description = "Detector size retried when the first pass finds no face (0 = no retry).",
        DefaultValueFactory = _ => Defaults.RescueDetectorSize,
    };
    private readonly Option<int> _distantSize = new("--distant-size")
    {
        Description = "Detector size tried last on frames of 640 px and more when no face was found (0 = no distant-face pass).",
        DefaultValueFactory = _ => Defaults.DistantFaceDetectorSize,
    };
    private readonly Option<bool> _noRescue = new("--no-rescue") { Description = "Do not retry detection at a second size." };
    private readonly Option<bool> _noTightCrop = new("--no-tight-crop")
    {
        Description = "Do not retry small images (tight face crops) padded with replicated edges.",
    };
    private readonly Option<bool> _noMirror = new("--no-mirror") { Description = "Encode the chip only, not averaged with its mirror image." };
    private readonly Option<string> _encoder = new("--encoder")
    {
        Description = "Recognition net: float, or int8 (quantised; faster on CPUs with VNNI).",
        DefaultValueFactory = _ => Defaults.Int8Encoder ? "int8" : "float",
    };
    private readonly Option<float> _minScore = new("--min-score")
    {
        Description = "Minimum detector score, 0..1.",
        DefaultValueFactory = _ => Defaults.MinDetectionScore,
    };
    private readonly Option<PrimaryFaceRule> _primary = new("--primary")
    {
        Description = "Which face is the primary one.",
        DefaultValueFactory = _ => Defaults.PrimaryFace,
    };

    public PipelineKnobs()
    {
        _detectorSize.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<int>();
            if (v < 32 || v > 2048 || v % 32 != 0) r.AddError("--detector-size must be a multiple of 32 between 32 and 2048.");
        });
        _rescueSize.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<int>();
            if (v != 0 && (v < 32 || v > 2048 || v % 32 != 0)) r.AddError("--rescue-size must be 0 or a multiple of 32 between 32 and 2048.");
        });
        _distantSize.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<int>();
            if (v != 0 && (v < 32 || v > 2048 || v % 32 != 0)) r.AddError("--distant-size must be 0 or a multiple of 32 between 32 and 2048.");
        });
        _encoder.AcceptOnlyFromAmong("float", "int8");
        _minScore.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<float>();
            if (!(v > 0 && v < 1)) r.AddError("--min-score must be between 0 and 1 (exclusive).");
        });
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _models, _detectorSize, _rescueSize, _distantSize, _noRescue, _noTightCrop, _noMirror, _encoder, _minScore, _primary })
            command.Add(option);
    }

    public string? ModelsDirectory(ParseResult parsed) => parsed.GetValue(_models);

    public PipelineOptions Options(ParseResult parsed)
    {
        var options = Defaults with
        {
            DetectorSize = parsed.GetValue(_detectorSize),
            RescueDetectorSize = parsed.GetValue(_noRescue) ? 0 : parsed.GetValue(_rescueSize),
            DistantFaceDetectorSize = parsed.GetValue(_distantSize),
            TightCropMaxSide = parsed.GetValue(_noTightCrop) ? 0 : Defaults.TightCropMaxSide,
            MirrorAverage = !parsed.GetValue(_noMirror),
            Int8Encoder = parsed.GetValue(_encoder) == "int8",
            MinDetectionScore = parsed.GetValue(_minScore),
            PrimaryFace = parsed.GetValue(_primary),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage(e.Message);
        }
        return options;
    }

    /// <summary>A short name for a configuration, listing only what differs from the defaults ("default" when nothing does).</summary>
    public static string Describe(PipelineOptions options)
    {
        var parts = new List<string>();
        if (options.DetectorSize != Defaults.DetectorSize) parts.Add($"detector-{options.DetectorSize}");
        if (options.RescueDetectorSize != Defaults.RescueDetectorSize)
            parts.Add(options.RescueDetectorSize == 0 ? "no-rescue" : $"rescue-{options.RescueDetectorSize}");
        if (options.DistantFaceDetectorSize != Defaults.DistantFaceDetectorSize)
            parts.Add(options.DistantFaceDetectorSize == 0 ? "no-distant" : $"distant-{options.DistantFaceDetectorSize}");
        if (options.TightCropMaxSide != Defaults.TightCropMaxSide)
            parts.Add(options.TightCropMaxSide == 0 ? "no-tight-crop" : $"tight-crop-{options.TightCropMaxSide}");
        if (options.MirrorAverage != Defaults.MirrorAverage) parts.Add(options.MirrorAverage ? "mirror" : "no-mirror");
        if (options.Int8Encoder != Defaults.Int8Encoder) parts.Add(options.Int8Encoder ? "int8" : "float");
        if (options.MinDetectionScore != Defaults.MinDetectionScore)
            parts.Add($"min-score-{options.MinDetectionScore.ToString(CultureInfo.InvariantCulture)}");
        if (options.PrimaryFace != Defaults.PrimaryFace) parts.Add($"primary-{options.PrimaryFace}");
        if (options.NmsIouThreshold != Defaults.NmsIouThreshold) parts.Add($"nms-{options.NmsIouThreshold.ToString(CultureInfo.InvariantCulture)}");
        if (options.MinFaceSize != Defaults.MinFaceSize) parts.Add($"min-face-{options.MinFaceSize}");
        if (options.Jitter != Defaults.Jitter) parts.Add($"jitter-{options.Jitter}");
        return parts.Count == 0 ? "default" : string.Join('+', parts);
    }
}
