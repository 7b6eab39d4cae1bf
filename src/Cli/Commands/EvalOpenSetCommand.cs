using System.CommandLine;
using AccessGrid.Cli.Evaluation.OpenSet;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Vision;

namespace AccessGrid.Cli.Commands;

/// <summary>`accessgrid eval openset --images DIR --enroll N [--impostors K] [--gallery-size M] --out DIR`: 1:K accuracy
/// at the door's own thresholds, with never-enrolled impostors.</summary>
public static class EvalOpenSetCommand
{
    public static Command Create()
    {
        var images = new Option<string>("--images") { Description = "Image folder in LFW layout: DIR/Name/Name_0001.jpg.", Required = true };
        var enroll = new Option<int>("--enroll") { Description = "Photos enrolled per person; people with more photos form the gallery.", Required = true };
        var impostors = new Option<int>("--impostors")
        {
            Description = "Never-enrolled people probed as impostors (the others are distractors).",
            DefaultValueFactory = _ => OpenSetSettings.DefaultImpostors,
        };
        var gallerySize = new Option<int?>("--gallery-size")
        {
            Description = "Identities in the reported gallery: fewer than the gallery people keeps the first ones, more adds distractors.",
        };
        var margin = new Option<float?>("--margin") { Description = "Runner-up margin instead of DecisionThresholds.IdentifyMargin (to measure the lever)." };
        var targetFpir = new Option<double?>("--target-fpir")
        {
            Description = "FPIR the N·FMR threshold formula aims at instead of DecisionThresholds.TargetFpir (to measure a looser or stricter formula).",
        };
        var maxYaw = new Option<float?>("--max-probe-yaw") { Description = "Answer probes turned further than this many degrees low_quality (to measure the lever)." };
        var noAggregate = new Option<bool>("--no-aggregate")
        {
            Description = "Enroll the individual templates only, without the mean template the door's index keeps beside them (to measure the lever).",
        };
        var scoreNorm = new Option<int?>("--score-norm")
        {
            Description = "Normalise each person's distances by the mean distance to their K nearest other enrolled people (to measure the lever).",
        };
        var jitter = new Option<int>("--jitter")
        {
            Description = "Encode the enrolled photos with N jittered chips averaged in (dlib's jitter; probes stay plain) — to measure the lever.",
        };
        var cache = new Option<string?>("--cache") { Description = "Encodings cache file: written after encoding, read when it matches the pipeline." };
        var output = new Option<string>("--out") { Description = "Folder for report.md, report.json and det.png.", Required = true };
        var batchSize = new Option<int>("--batch-size") { Description = "Images per AnalyzeMany call.", DefaultValueFactory = _ => ImageBatchAnalyzer.DefaultBatchSize };
        var parallelism = new Option<int>("--parallel") { Description = "Batches encoded at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        enroll.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 100) r.AddError("--enroll must be 1..100."); });
        impostors.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--impostors must be at least 1."); });
        targetFpir.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is <= 0 or >= 1) r.AddError("--target-fpir must be between 0 and 1."); });
        margin.Validators.Add(r => { if (r.GetValueOrDefault<float?>() is < 0 or > 1) r.AddError("--margin must be 0..1."); });
        jitter.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 100) r.AddError("--jitter must be 0..100."); });
        scoreNorm.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1 or > 100) r.AddError("--score-norm must be 1..100."); });
        gallerySize.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--gallery-size must be at least 1."); });
        batchSize.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError("--batch-size must be 1..256."); });
        parallelism.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError("--parallel must be 1..256."); });

        var knobs = new PipelineKnobs();
        var command = new Command("openset", "Open-set 1:K accuracy at the door's thresholds: FNIR, FPIR, wrong-person rate, rank-1, DET curve, gallery-size sweep.")
        {
            images, enroll, impostors, gallerySize, margin, targetFpir, maxYaw, noAggregate, scoreNorm, jitter, cache, output, batchSize, parallelism,
        };
        knobs.AddTo(command);

        command.SetAction((parsed, cancellationToken) =>
        {
            var options = knobs.Options(parsed);
            var variant = PipelineKnobs.Describe(options);
            var settings = new OpenSetSettings(parsed.GetValue(enroll), parsed.GetValue(impostors), parsed.GetValue(gallerySize), !parsed.GetValue(noAggregate),
                parsed.GetValue(maxYaw), parsed.GetValue(scoreNorm));
            var imagesDirectory = parsed.GetRequiredValue(images);
            var cachePath = parsed.GetValue(cache);

            // With a matching cache no model is needed; otherwise load the pipeline the door uses.
            var status = Terminal.Over(parsed.InvocationConfiguration.Error);
            var (people, msPerImage) = Encode(options, variant, cachePath);
            if (parsed.GetValue(jitter) is > 0 and var n)
            {
                // Enrollment encodes with jitter, probes without: a second encoding of every image, cached beside the first.
                var jittered = options with { Jitter = n };
                var (enrolled, _) = Encode(jittered, PipelineKnobs.Describe(jittered), cachePath is null ? null : $"{cachePath}.jitter-{n}");
                people = [.. people.Zip(enrolled, (p, e) => p with { Enrolled = e.Encodings })];
                variant += $"+enroll-jitter-{n}";
            }

            (IReadOnlyList<PersonPhotos>, double) Encode(PipelineOptions pipelineOptions, string name, string? cacheFile)
            {
                using var pipeline = OpenSetEncodings.CacheUsable(cacheFile, name) ? null : PipelineLoader.Load(knobs.ModelsDirectory(parsed), pipelineOptions);
                return OpenSetEncodings.Load(imagesDirectory, pipeline, name, cacheFile, status,
                    parsed.GetValue(batchSize), parsed.GetValue(parallelism), cancellationToken);
            }

            var thresholds = new DecisionThresholds();
            var name = variant + (settings.Aggregate ? "" : "+no-aggregate");
            if (settings.ScoreNormCohort is { } cohort) name += $"+score-norm-{cohort}";
            if (settings.MaxProbeYaw is { } yaw) name += FormattableString.Invariant($"+max-yaw-{yaw}");
            if (parsed.GetValue(margin) is { } m)
            {
                thresholds = thresholds with { IdentifyMargin = m };
                name += FormattableString.Invariant($"+margin-{m}");
            }
            if (parsed.GetValue(targetFpir) is { } fpir)
            {
                thresholds = thresholds with { TargetFpir = fpir };
                name += FormattableString.Invariant($"+target-fpir-{fpir}");
            }
            var report = OpenSetEvaluation.Evaluate(people, settings, thresholds, name, imagesDirectory, msPerImage);
            var folder = parsed.GetRequiredValue(output);
            OpenSetReportWriter.Write(folder, report);

            var stdout = parsed.InvocationConfiguration.Output;
            stdout.WriteLine(OpenSetReportWriter.Summary(report));
            stdout.WriteLine($"wrote {Path.Combine(folder, OpenSetReportWriter.MarkdownFile)}, {OpenSetReportWriter.JsonFile}, {OpenSetReportWriter.DetFile}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
