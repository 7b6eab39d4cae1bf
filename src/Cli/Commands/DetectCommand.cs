using System.CommandLine;
using System.Globalization;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Cli.Output;
using AccessGrid.Cli.Rendering;
using Spectre.Console;

namespace AccessGrid.Cli.Commands;

/// <summary>`accessgrid detect IMG [--draw OUT.png] [--json]`: every face with its box, score, size and quality.</summary>
public static class DetectCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("IMG") { Description = "Image file (JPEG, PNG, WebP, BMP or GIF)." };
        var draw = new Option<string?>("--draw") { Description = "Also write a PNG with the boxes and landmarks drawn." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var knobs = new PipelineKnobs();
        var command = new Command("detect", "Find every face: box, score, size, quality; the primary face is marked.") { image, draw, json };
        knobs.AddTo(command);

        command.SetAction(parsed =>
        {
            var path = parsed.GetRequiredValue(image);
            var bytes = ImageFiles.Read(path);
            var options = knobs.Options(parsed);
            using var pipeline = PipelineLoader.Load(knobs.ModelsDirectory(parsed), options);
            var analysis = pipeline.Analyze(bytes);
            if (!analysis.Succeeded) throw new CliException(ImageFiles.Describe(path, analysis));

            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(draw) is { } drawPath) FaceDrawing.SavePng(bytes, analysis, options.MaxPixels, drawPath);
            if (parsed.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(DetectionReport.From(path, analysis)));
                return ExitCodes.Ok;
            }

            var console = Terminal.Over(output);
            console.MarkupLine(Inv($"[bold]{Markup.Escape(path)}[/]: {analysis.Width}×{analysis.Height}, {analysis.Faces.Count} face(s), {analysis.Timings.Total:F1} ms"));
            var table = new Table().AddColumns("#", "primary", "box x, y, w, h", "score", "size px", "sharpness", "brightness", "roll°", "yaw°");
            for (var i = 0; i < analysis.Faces.Count; i++)
            {
                var (box, q) = (analysis.Faces[i].Box, analysis.Faces[i].Quality);
                table.AddRow(Inv($"{i}"), i == 0 ? "★" : "", Inv($"{box.X:F0}, {box.Y:F0}, {box.Width:F0}, {box.Height:F0}"),
                    Inv($"{analysis.Faces[i].Score:F3}"), Inv($"{q.SizePx:F0}"), Inv($"{q.Sharpness:F0}"),
                    Inv($"{q.Brightness:F2}"), Inv($"{q.RollDegrees:F1}"), Inv($"{q.YawDegrees:F1}"));
            }
            console.Write(table);
            if (parsed.GetValue(draw) is { } written) console.MarkupLine($"drawn to [bold]{Markup.Escape(written)}[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
