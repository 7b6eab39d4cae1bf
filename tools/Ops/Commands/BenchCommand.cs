using System.CommandLine;
using System.Globalization;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Ops.Capacity;
using AccessGrid.Ops.Load;
using Spectre.Console;

namespace AccessGrid.Ops.Commands;

/// <summary>`accessgrid bench storage-wall [--sizes 10,50,100,200]`: Azurite's capacity wall — door latency and table
/// write stalls as the default store grows (issue 13). Starts its own silo and Azurite (needs a source checkout).</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Capacity benchmarks on a throw-away local system (needs a source checkout).");
        bench.Subcommands.Add(StorageWall());
        return bench;
    }

    private static Command StorageWall()
    {
        var sizes = new Option<string>("--sizes") { Description = "Azurite table database sizes in MB to measure at.", DefaultValueFactory = _ => "10,50,100,200" };
        var rate = new Option<double>("--rate") { Description = "Door requests per second at each size.", DefaultValueFactory = _ => 20 };
        var duration = new Option<string>("--duration") { Description = "How long the doors and the insert probe run at each size.", DefaultValueFactory = _ => "30s" };
        var doors = new Option<int>("--doors") { Description = "Door readers.", DefaultValueFactory = _ => 20 };
        var people = new Option<int>("--people") { Description = "lfw people enrolled from photos for the readers' frames.", DefaultValueFactory = _ => 100 };
        var frame = new Option<string>("--frame") { Description = "Camera frame size the photos are sent in.", DefaultValueFactory = _ => "640x480" };
        var images = new Option<string?>("--images") { Description = "Folder of <person>/<image>.jpg (default: ../shared/datasets/lfw-dev/images)." };
        var perPerson = new Option<int>("--decisions-per-person") { Description = "Hot-audit decisions added per synthetic person.", DefaultValueFactory = _ => 8 };
        var templates = new Option<int>("--templates") { Description = "Templates per synthetic person.", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "Print the steps as JSON." };
        var command = new Command("storage-wall",
            "Grow Azurite's table database (people and decisions written through the grains) to each size and measure door p50/p99 "
            + "at the given rate and plain insert stalls there.")
        {
            sizes, rate, duration, doors, people, frame, images, perPerson, templates, json,
        };
        command.SetAction(async (parsed, ct) =>
        {
            if (!DurationText.TryParse(parsed.GetValue(duration), out var length)) throw CliException.Usage("--duration must look like 30s or 2m.");
            var settings = new LoadSettings(parsed.GetValue(doors), parsed.GetValue(rate), length, new LoadMix(70, 20, 10), TimeSpan.FromSeconds(30));
            IReadOnlyList<int> steps;
            try
            {
                settings.Validate();
                steps = WallOptions.ParseSizes(parsed.GetValue(sizes)!);
            }
            catch (ArgumentException e)
            {
                throw CliException.Usage(e.Message);
            }
            if (parsed.GetValue(perPerson) is < 0 or > 1000) throw CliException.Usage("--decisions-per-person must be within 0..1000.");
            if (parsed.GetValue(templates) is < 1 or > 5) throw CliException.Usage("--templates must be within 1..5.");
            var folder = parsed.GetValue(images) ?? LoadDefaults.ImagesFolder
                ?? throw CliException.Usage("No --images folder and no ../shared/datasets/lfw-dev beside the repository.");
            var options = new WallOptions(steps, settings, folder, parsed.GetValue(people), LoadCommand.ParseFrame(parsed.GetValue(frame)!),
                parsed.GetValue(perPerson), parsed.GetValue(templates));

            var output = parsed.InvocationConfiguration.Output;
            var console = Terminal.Over(output);
            try
            {
                var results = await Capacity.StorageWall.Run(options, m => console.MarkupLine($"[grey]{Markup.Escape(m)}[/]"), ct);
                if (parsed.GetValue(json)) output.WriteLine(CliJson.Serialize(results));
                else console.Write(Summary(results, settings));
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is HttpRequestException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException
                                          or InvalidOperationException or TimeoutException)
            {
                throw new CliException(e.Message);
            }
        });
        return command;
    }

    private static Table Summary(IReadOnlyList<WallStep> steps, LoadSettings settings)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(F($"storage wall: {settings.Rate:F0} door requests/s for {settings.Duration.TotalSeconds:F0} s at each size"))
            .AddColumns("table DB", "people", "decisions", "door p50", "p95", "p99", "max", "errors", "insert p50", "max", "stalls ≥ 100 ms (s into the run)", "load avg");
        foreach (var s in steps)
            table.AddRow(F($"{s.TableMb:F1} MB"), F($"{s.People}"), F($"{s.Decisions}"), F($"{s.Door.P50Ms:F1} ms"), F($"{s.Door.P95Ms:F1}"),
                F($"{s.Door.P99Ms:F1}"), F($"{s.Door.MaxMs:F0}"), F($"{s.Door.Errors}"), F($"{s.Probe.P50Ms:F1} ms"), F($"{s.Probe.MaxMs:F0} ms"),
                Markup.Escape(string.Join(", ", s.Probe.StallsAtSeconds.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))),
                F($"{s.LoadBefore:F1}–{s.LoadAfter:F1}"));
        return table;
    }

    private static string F(FormattableString text) => Markup.Escape(text.ToString(CultureInfo.InvariantCulture));
}
