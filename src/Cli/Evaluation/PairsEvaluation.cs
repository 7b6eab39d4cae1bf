using System.Collections.Concurrent;
using System.Diagnostics;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Vision;
using Spectre.Console;

namespace AccessGrid.Cli.Evaluation;

/// <summary>
/// LFW-style pair verification: encodes every distinct image once, scores the pairs, picks thresholds by the protocol
/// the files allow, computes the metrics and baselines, and writes report.json, report.md and roc.png.
/// </summary>
public static class PairsEvaluation
{
    public static EvaluationReport Run(EvaluationSettings settings, FacePipeline pipeline, IAnsiConsole status, CancellationToken cancellationToken = default)
    {
        var test = PairsFile.Load(settings.PairsPath);
        var calibration = settings.CalibrationPath is { } c ? PairsFile.Load(c) : null;
        if (!Directory.Exists(settings.ImagesDirectory)) throw new CliException($"image folder not found: {settings.ImagesDirectory}");

        var images = test.DistinctImages().Concat(calibration?.DistinctImages() ?? []).Distinct().ToArray();
        var paths = images.Select(i => Path.Combine(settings.ImagesDirectory, i.RelativePath)).ToArray();
        var missing = paths.Where(p => !File.Exists(p)).ToArray();
        if (missing.Length > 0)
            throw new CliException($"{missing.Length} of {paths.Length} images are missing, e.g. {missing[0]}");
        PrepareOutput(settings.OutputDirectory);

        // Wall clock says what a user waits; CPU time says what the work costs even when other processes share the cores.
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var analyses = ProgressBar.Run(status, $"Encoding {images.Length} images", images.Length,
            progress => ImageBatchAnalyzer.Analyze(pipeline, paths, progress, settings.BatchSize, settings.Parallelism, cancellationToken));
        var cost = new EncodingCost(clock.Elapsed.TotalMilliseconds / images.Length,
            (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / images.Length);

        var pixels = ProgressBar.Run(status, "Pixel baseline", images.Length, progress => PixelVectors(paths, settings, progress, cancellationToken));
        var encoded = new Dictionary<LfwImage, EncodedImage>(images.Length);
        for (var i = 0; i < images.Length; i++)
        {
            var analysis = analyses[i];
            var problem = analysis.Succeeded ? (ImageProblemKind?)null : analysis.Problem?.Kind ?? ImageProblemKind.NoFace;
            encoded[images[i]] = new EncodedImage(analysis.Primary?.Embedding, problem, pixels[i], analysis.Timings);
        }

        var scored = ScoredPairs.Score(test.Pairs, encoded);
        RequireScorable(scored, settings.PairsPath);
        if (calibration is not null) RequireScorable(ScoredPairs.Score(calibration.Pairs, encoded), settings.CalibrationPath!);
        var report = BuildReport(settings, test, calibration, encoded, cost);
        ReportWriter.WriteJson(settings.OutputDirectory, report);
        ReportWriter.WriteMarkdown(settings.OutputDirectory, report);
        PairScoresCsv.Write(Path.Combine(settings.OutputDirectory, PairScoresCsv.FileName), test.Pairs, scored);
        RocPlot.SavePng(Path.Combine(settings.OutputDirectory, ReportWriter.RocFile), $"{Path.GetFileName(settings.PairsPath)} — {settings.Variant}",
            [("face encoding (euclidean)", new Roc(scored.Euclidean)), ("pixel L2 baseline", new Roc(scored.Pixel))]);
        return report;
    }

    public static EvaluationReport BuildReport(EvaluationSettings settings, PairsFile test, PairsFile? calibration,
        IReadOnlyDictionary<LfwImage, EncodedImage> encoded, EncodingCost cost)
    {
        var scored = ScoredPairs.Score(test.Pairs, encoded);
        var calibrationScored = calibration is null ? null : ScoredPairs.Score(calibration.Pairs, encoded);
        var kind = VerificationProtocol.Choose(calibration is not null, test.FoldCount);

        var euclidean = VerificationProtocol.Evaluate(kind, scored.Euclidean, scored.Folds, calibrationScored?.Euclidean);
        var cosine = VerificationProtocol.Evaluate(kind, scored.Cosine, scored.Folds, calibrationScored?.Cosine);
        var pixel = VerificationProtocol.Evaluate(kind, scored.Pixel, scored.Folds, calibrationScored?.Pixel);
        var roc = new Roc(scored.Euclidean);

        var failures = encoded.Values.Where(e => e.Embedding is null).ToArray();
        var timings = encoded.Values.Select(e => e.Timings).ToArray();
        var triplets = TripletBaseline.Evaluate(TripletBaseline.Build(test.Pairs), image => encoded[image].Embedding);

        return new EvaluationReport
        {
            Variant = settings.Variant,
            Options = settings.Options,
            Protocol = kind,
            ProtocolDescription = Describe(kind, settings, test, calibration),
            PairsFile = Path.GetFullPath(settings.PairsPath),
            CalibrationFile = settings.CalibrationPath is null ? null : Path.GetFullPath(settings.CalibrationPath),
            ImagesDirectory = Path.GetFullPath(settings.ImagesDirectory),
            Pairs = test.Pairs.Count,
            FailedPairs = scored.FailedPairs,
            Accuracy = euclidean.Accuracy,
            AccuracyExcludingFailures = ThresholdSearch.Accuracy(scored.Euclidean.Where(p => !p.Failed).ToArray(), euclidean.Threshold),
            AccuracyStd = euclidean.AccuracyStd,
            AccuracyCosine = cosine.Accuracy,
            CalibrationAccuracy = euclidean.CalibrationAccuracy,
            Auc = roc.Auc,
            TarAtFar1e3 = roc.TarAtFar(1e-3),
            TarAtFar1e2 = roc.TarAtFar(1e-2),
            Eer = roc.Eer,
            ThresholdEuclidean = euclidean.Threshold,
            ThresholdCosine = cosine.Threshold,
            ThresholdEuclideanAtFar1e3 = new Roc(calibrationScored?.Euclidean ?? scored.Euclidean).ThresholdAtFar(1e-3),
            Folds = euclidean.Folds,
            Images = encoded.Count,
            DetectionFailures = failures.Length,
            FailuresByKind = failures.GroupBy(f => f.Problem?.ToString() ?? "Unknown").OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count()),
            MsPerImage = cost.WallMsPerImage,
            CpuMsPerImage = cost.CpuMsPerImage,
            StageMsPerImage = new StageTimings(
                timings.Average(t => t.Decode), timings.Average(t => t.Detect), timings.Average(t => t.Landmarks),
                timings.Average(t => t.Align), timings.Average(t => t.Encode)),
            Parallelism = settings.Parallelism,
            BatchSize = settings.BatchSize,
            Baselines = new Baselines(new PixelL2Baseline(pixel.Accuracy, pixel.Threshold, new Roc(scored.Pixel).Auc, scored.Pixel.Count(p => p.Failed)), triplets),
            GeneratedAt = DateTimeOffset.UtcNow,
        };
    }

    private static string Describe(ProtocolKind kind, EvaluationSettings settings, PairsFile test, PairsFile? calibration)
    {
        var testName = Path.GetFileName(settings.PairsPath);
        return kind switch
        {
            ProtocolKind.Calibrated =>
                $"Thresholds chosen to maximise accuracy on {Path.GetFileName(settings.CalibrationPath)} ({calibration!.Pairs.Count} pairs), " +
                $"accuracy measured on {testName} ({test.Pairs.Count} pairs).",
            ProtocolKind.CrossValidated =>
                $"{test.FoldCount}-fold cross-validation on {testName} ({test.Pairs.Count} pairs): each fold is tested with the " +
                "threshold that maximises accuracy on the other folds; accuracy is the mean ± standard deviation over folds.",
            _ => $"Thresholds chosen on {testName} itself ({test.Pairs.Count} pairs): optimistic, give --calibrate-on for an honest figure.",
        };
    }

    // Thresholds and ROCs need at least one encoded pair; say so instead of failing inside the metrics.
    private static void RequireScorable(ScoredPairs scored, string file)
    {
        if (scored.FailedPairs == scored.Euclidean.Length)
            throw new CliException($"no pair of {Path.GetFileName(file)} could be scored: every pair has an image in which no face was found");
    }

    private static byte[]?[] PixelVectors(string[] paths, EvaluationSettings settings, Action<int> progress, CancellationToken cancellationToken)
    {
        var vectors = new byte[]?[paths.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken };
        Parallel.ForEach(Partitioner.Create(0, paths.Length, 64), options, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
                vectors[i] = PixelBaseline.Vectorize(ImageFiles.Read(paths[i]), settings.Options.MaxPixels);
            progress(range.Item2 - range.Item1);
        });
        return vectors;
    }

    private static void PrepareOutput(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot create the output folder {folder}: {e.Message}");
        }
    }
}
