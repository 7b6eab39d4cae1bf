using System.CommandLine;
using System.Globalization;
using AccessGrid.Cli.Evaluation;
using AccessGrid.Cli.Infrastructure;

namespace AccessGrid.Cli.Commands;

/// <summary>`accessgrid eval pairs --pairs FILE --images DIR [--calibrate-on FILE] --out DIR`: LFW pair verification.</summary>
public static class EvalPairsCommand
{
    public static Command Create()
    {
        var pairs = new Option<string>("--pairs") { Description = "LFW pairs file to report on (\"N\" or \"FOLDS N\" header).", Required = true };
        var images = new Option<string>("--images") { Description = "Image folder in LFW layout: DIR/Name/Name_0001.jpg.", Required = true };
        var calibrateOn = new Option<string?>("--calibrate-on") { Description = "Pairs file on which the thresholds are chosen." };
        var output = new Option<string>("--out") { Description = "Folder for report.md, report.json, roc.png and pairs.csv.", Required = true };
        var variant = new Option<string?>("--variant") { Description = "Name of this configuration in the report (default: derived from the options)." };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Images per AnalyzeMany call.",
            DefaultValueFactory = _ => ImageBatchAnalyzer.DefaultBatchSize,
        };
        var parallelism = new Option<int>("--parallel")
        {
            Description = "Batches encoded at once (default: one per core).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        batchSize.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError("--batch-size must be 1..256."); });
        parallelism.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError("--parallel must be 1..256."); });

        var knobs = new PipelineKnobs();
        var command = new Command("pairs", "Verification accuracy on LFW-format pairs: accuracy, AUC, TAR@FAR, EER, baselines, ROC plot.")
        {
            pairs, images, calibrateOn, output, variant, batchSize, parallelism,
        };
        knobs.AddTo(command);

        command.SetAction((parsed, cancellationToken) =>
        {
            var options = knobs.Options(parsed);
            var settings = new EvaluationSettings(
                parsed.GetRequiredValue(pairs), parsed.GetRequiredValue(images), parsed.GetValue(calibrateOn),
                parsed.GetRequiredValue(output), parsed.GetValue(variant) ?? PipelineKnobs.Describe(options), options,
                parsed.GetValue(batchSize), parsed.GetValue(parallelism));

            // Parse the pairs files before loading models: a typo in a path should fail in milliseconds.
            PairsFile.Load(settings.PairsPath);
            if (settings.CalibrationPath is { } calibration) PairsFile.Load(calibration);

            using var pipeline = PipelineLoader.Load(knobs.ModelsDirectory(parsed), options);
            var status = Terminal.Over(parsed.InvocationConfiguration.Error);
            var report = PairsEvaluation.Run(settings, pipeline, status, cancellationToken);

            var stdout = parsed.InvocationConfiguration.Output;
            var accuracy = report.AccuracyStd is { } std
                ? string.Create(CultureInfo.InvariantCulture, $"{report.Accuracy:P2} ± {std:P2}")
                : string.Create(CultureInfo.InvariantCulture, $"{report.Accuracy:P2}");
            stdout.WriteLine(FormattableString.Invariant(
                $"{report.Variant}: accuracy {accuracy}, AUC {report.Auc:F4}, TAR@FAR1e-3 {report.TarAtFar1e3:P1}, EER {report.Eer:P2}, ") +
                FormattableString.Invariant(
                $"threshold {report.ThresholdEuclidean:F4}, detection failures {report.DetectionFailures}/{report.Images}, {report.MsPerImage:F1} ms/image ({report.CpuMsPerImage:F1} ms CPU)"));
            stdout.WriteLine($"wrote {Path.Combine(settings.OutputDirectory, ReportWriter.MarkdownFile)}, {ReportWriter.JsonFile}, {ReportWriter.RocFile}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
