using System.CommandLine;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Vision;

namespace AccessGrid.Cli.Commands;

/// <summary>`accessgrid verify IMG_A IMG_B [--threshold X]`: are the two primary faces the same person (1:1)?
/// Exits 0 for the same person, 3 for different people.</summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var first = new Argument<string>("IMG_A") { Description = "First image." };
        var second = new Argument<string>("IMG_B") { Description = "Second image." };
        var threshold = new Option<float>("--threshold")
        {
            Description = "Euclidean distance at or below which the faces are the same person " +
                          "(default: the door's calibrated 1:1 threshold, DecisionThresholds.VerifyMaxDistance).",
            DefaultValueFactory = _ => new DecisionThresholds().VerifyMaxDistance,
        };
        threshold.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<float>();
            if (!(v > 0 && v < 2)) r.AddError("--threshold must be between 0 and 2 (Euclidean distance of unit vectors).");
        });
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var knobs = new PipelineKnobs();
        var command = new Command("verify", "Compare the primary faces of two images (1:1).") { first, second, threshold, json };
        knobs.AddTo(command);

        command.SetAction(parsed =>
        {
            var (pathA, pathB) = (parsed.GetRequiredValue(first), parsed.GetRequiredValue(second));
            byte[][] images = [ImageFiles.Read(pathA), ImageFiles.Read(pathB)];
            using var pipeline = PipelineLoader.Load(knobs.ModelsDirectory(parsed), knobs.Options(parsed));
            var analyses = pipeline.AnalyzeMany(images);
            var a = analyses[0].Primary ?? throw new CliException(ImageFiles.Describe(pathA, analyses[0]));
            var b = analyses[1].Primary ?? throw new CliException(ImageFiles.Describe(pathB, analyses[1]));

            var euclidean = FaceDistance.Euclidean(a.Embedding, b.Embedding);
            var cosine = FaceDistance.Cosine(a.Embedding, b.Embedding);
            var limit = parsed.GetValue(threshold);
            var same = euclidean <= limit;

            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new
                {
                    image_a = pathA, image_b = pathB, euclidean, cosine, threshold_euclidean = limit, same_person = same,
                    faces_a = analyses[0].Faces.Count, faces_b = analyses[1].Faces.Count,
                }));
                return same ? ExitCodes.Ok : ExitCodes.NoMatch;
            }
            output.WriteLine(FormattableString.Invariant($"euclidean {euclidean:F4}   cosine distance {cosine:F4}   threshold {limit:F4} (euclidean)"));
            output.WriteLine(same ? "same person" : "different people");
            return same ? ExitCodes.Ok : ExitCodes.NoMatch;
        });
        return command;
    }
}
