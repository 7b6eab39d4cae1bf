using System.CommandLine;
using System.Globalization;
using AccessGrid.Cli.Infrastructure;

namespace AccessGrid.Cli.Commands;

/// <summary>`accessgrid embed IMG [--json]`: the primary face's 128-D encoding.</summary>
public static class EmbedCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("IMG") { Description = "Image file." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var knobs = new PipelineKnobs();
        var command = new Command("embed", "Print the primary face's L2-normalised 128-D encoding (and how many faces there were).") { image, json };
        knobs.AddTo(command);

        command.SetAction(parsed =>
        {
            var path = parsed.GetRequiredValue(image);
            var bytes = ImageFiles.Read(path);
            using var pipeline = PipelineLoader.Load(knobs.ModelsDirectory(parsed), knobs.Options(parsed));
            var analysis = pipeline.Analyze(bytes);
            if (analysis.Primary is not { } primary) throw new CliException(ImageFiles.Describe(path, analysis));

            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new { image = path, faces = analysis.Faces.Count, box = primary.Box, embedding = primary.Embedding }));
                return ExitCodes.Ok;
            }

            output.WriteLine(FormattableString.Invariant(
                $"{path}: {analysis.Faces.Count} face(s); primary at {primary.Box.X:F0},{primary.Box.Y:F0} {primary.Box.Width:F0}×{primary.Box.Height:F0}"));
            foreach (var row in primary.Embedding.Chunk(8))
                output.WriteLine(string.Join(' ', row.Select(v => v.ToString("+0.000000;-0.000000", CultureInfo.InvariantCulture))));
            return ExitCodes.Ok;
        });
        return command;
    }
}
