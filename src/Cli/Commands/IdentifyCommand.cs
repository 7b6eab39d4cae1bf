using System.CommandLine;
using System.Globalization;
using AccessGrid.Cli.Identification;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Vision;
using Spectre.Console;

namespace AccessGrid.Cli.Commands;

/// <summary>`accessgrid identify --gallery DIR IMG`: who is this (1:K), or Unknown (exit 0 for a match, 3 for Unknown). Same policy as the door
/// (<see cref="DecisionThresholds"/>): the nearest person must be within the 1:K threshold for a gallery of this many
/// people and stand clear of the runner-up by <see cref="DecisionThresholds.IdentifyMargin"/>.</summary>
public static class IdentifyCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("IMG") { Description = "Probe image." };
        var gallery = new Option<string>("--gallery")
        {
            Description = "Folder with one sub-folder per person, each holding that person's images.",
            Required = true,
        };
        var threshold = new Option<float?>("--threshold")
        {
            Description = "Euclidean distance above which the probe is Unknown (default: the door's 1:K threshold for the " +
                          "gallery's number of people, DecisionThresholds.IdentifyThreshold). The runner-up margin still applies.",
        };
        threshold.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<float?>();
            if (v is { } t && !(t > 0 && t < 2)) r.AddError("--threshold must be between 0 and 2 (Euclidean distance of unit vectors).");
        });
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var knobs = new PipelineKnobs();
        var command = new Command("identify", "Enroll a gallery folder and tell who the probe is, or Unknown (1:K).") { image, gallery, threshold, json };
        knobs.AddTo(command);

        command.SetAction(parsed =>
        {
            var probePath = parsed.GetRequiredValue(image);
            var probeBytes = ImageFiles.Read(probePath);
            var folder = parsed.GetRequiredValue(gallery);
            if (!Directory.Exists(folder)) throw new CliException($"gallery folder not found: {folder}");
            var listed = Gallery.ListImages(folder);
            if (listed.Count == 0) throw new CliException($"{folder} has no person sub-folders with images ({string.Join(", ", Gallery.ImageExtensions)})");

            using var pipeline = PipelineLoader.Load(knobs.ModelsDirectory(parsed), knobs.Options(parsed));
            var status = Terminal.Over(parsed.InvocationConfiguration.Error);
            var analyses = ProgressBar.Run(status, "Enrolling", listed.Count,
                progress => ImageBatchAnalyzer.Analyze(pipeline, listed.Select(l => l.Path).ToArray(), progress));

            var entries = new List<GalleryEntry>();
            for (var i = 0; i < listed.Count; i++)
            {
                if (analyses[i].Primary is { } face) entries.Add(new GalleryEntry(listed[i].Person, listed[i].Path, face.Embedding));
                else status.MarkupLine($"[yellow]skipped[/] {Markup.Escape(ImageFiles.Describe(listed[i].Path, analyses[i]))}");
            }
            var enrolled = new Gallery(entries);
            if (entries.Count == 0) throw new CliException($"no usable face in any image of {folder}");
            foreach (var person in listed.Select(l => l.Person).Distinct().Except(entries.Select(e => e.Person)))
                status.MarkupLine($"[yellow]not enrolled[/] {Markup.Escape(person)}: no usable face in their images");

            var probe = pipeline.Analyze(probeBytes);
            if (probe.Primary is not { } probeFace) throw new CliException(ImageFiles.Describe(probePath, probe));

            var ranking = enrolled.Rank(probeFace.Embedding);
            var policy = new DecisionThresholds();
            var limit = parsed.GetValue(threshold) ?? policy.IdentifyThreshold(enrolled.PersonCount);
            var requiredMargin = policy.IdentifyMargin;
            var best = ranking[0];
            var runnerUp = ranking.Count > 1 ? ranking[1] : null;
            var margin = runnerUp is null ? (float?)null : runnerUp.Distance - best.Distance;
            // The door's order: too far from everyone first, then two people about equally close.
            var reason = best.Distance > limit ? "above_threshold"
                : margin < requiredMargin ? "too_close_to_runner_up"
                : null;
            var known = reason is null;

            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new
                {
                    probe = probePath, identity = known ? best.Person : null, known, nearest = best, runner_up = runnerUp,
                    margin, threshold_euclidean = limit, required_margin = requiredMargin, unknown_reason = reason,
                    gallery_people = enrolled.PersonCount, gallery_images = entries.Count,
                }));
                return known ? ExitCodes.Ok : ExitCodes.NoMatch;
            }

            var console = Terminal.Over(output);
            console.MarkupLine(reason switch
            {
                null => $"[bold green]{Markup.Escape(best.Person)}[/]",
                "above_threshold" => $"[bold yellow]Unknown[/] (nearest: {Markup.Escape(best.Person)}, " +
                                     Inv($"distance {best.Distance:F4} above threshold {limit:F4})"),
                _ => $"[bold yellow]Unknown[/] (nearest: {Markup.Escape(best.Person)}, too close to runner-up " +
                     Markup.Escape(Inv($"{runnerUp!.Person}: margin {margin:F4} < required {requiredMargin:F2})")),
            });
            var runnerUpText = runnerUp is null ? "no runner-up" : Inv($"runner-up {runnerUp.Person} {runnerUp.Distance:F4}, margin {margin:F4} (required {requiredMargin:F2})");
            console.WriteLine(Inv($"distance {best.Distance:F4} (threshold {limit:F4}), {runnerUpText}"));
            console.WriteLine(Inv($"gallery: {enrolled.PersonCount} people, {entries.Count} images"));
            return known ? ExitCodes.Ok : ExitCodes.NoMatch;
        });
        return command;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
