using System.CommandLine;
using AccessGrid.Ops.Drills;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Ops.Load;
using Spectre.Console;

namespace AccessGrid.Ops.Commands;

/// <summary>`accessgrid drill kill-silo|restart-storage|restart-azurite|malformed|security`: start a throw-away cluster on 127.0.0.1, break
/// something under load, and report pass/fail with the numbers. Exit code 0 only when every check passes. The cluster
/// is this source checkout's silo build and its pinned Azurite (tools/azurite), so drills run only from a checkout.</summary>
public static class DrillCommand
{
    public static Command Create()
    {
        var drill = new Command("drill", "Fault drills on a throw-away local cluster: kill a silo, restart storage, send malformed requests. "
                                     + "Needs a source checkout: the cluster is its silo build (src/Silo) and its Azurite (tools/azurite).");
        drill.Subcommands.Add(Make("kill-silo", "Three silos under load (Azurite and Azure Table membership, or PostgreSQL for both with --storage postgres); "
                                                + "kill -9 one: decisions audited, grants kept, resumed within 10 s.", KillSiloDrill.Run, storageOption: true));
        drill.Subcommands.Add(Make("restart-storage", "Two silos under load; stop their store (Azurite, or PostgreSQL with --storage postgres; kill -9 with --hard) and restart it: answered vs audited, resumed within 10 s.",
            RestartStorageDrill.Run, hardOption: true, storageOption: true));
        drill.Subcommands.Add(Make("restart-azurite", "Same as restart-storage --storage azurite.", RestartStorageDrill.Run, hardOption: true));
        drill.Subcommands.Add(Make("malformed", "10,000 hostile requests: no 5xx, no crash, bounded memory (peak RSS).", MalformedDrill.Run));
        drill.Subcommands.Add(Make("security", "Role × endpoint × key matrix, hostile JSON/ids/images, no reader oracles, the 429, and an erasure "
                                              + "scan of every table row, blob and log. --requests: 40 MP PNGs sent at once.", SecurityDrill.Run,
            requestsDefault: 16, maxRssDefault: 1536));
        return drill;
    }

    private static Command Make(string name, string description, Func<DrillOptions, Action<string>, CancellationToken, Task<DrillResult>> run,
        bool hardOption = false, int requestsDefault = 10_000, double maxRssDefault = 2048, bool storageOption = false)
    {
        var doors = new Option<int>("--doors") { Description = "Door readers.", DefaultValueFactory = _ => 10 };
        var rate = new Option<double>("--rate") { Description = "Requests per second over all doors.", DefaultValueFactory = _ => 20 };
        var duration = new Option<string>("--duration") { Description = "Length of the load.", DefaultValueFactory = _ => "45s" };
        var people = new Option<int>("--people") { Description = "People enrolled.", DefaultValueFactory = _ => 20 };
        var images = new Option<string?>("--images") { Description = "Folder of <person>/<image>.jpg (default: ../shared/datasets/lfw-dev/images)." };
        var requests = new Option<int>("--requests") { Description = "Malformed requests to send.", DefaultValueFactory = _ => requestsDefault };
        var maxRss = new Option<double>("--max-rss-mb") { Description = "Peak resident memory allowed for the silo.", DefaultValueFactory = _ => maxRssDefault };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var hard = new Option<bool>("--hard") { Description = "kill -9 the storage emulator instead of stopping it (it then loses up to 5 s of acknowledged writes)." };
        var command = new Command(name, description) { doors, rate, duration, people, images, requests, maxRss, json };
        var storage = new Option<string>("--storage") { Description = "Where the cluster keeps its state: azurite or postgres.", DefaultValueFactory = _ => "azurite" };
        storage.AcceptOnlyFromAmong("azurite", "postgres");
        if (hardOption) command.Options.Add(hard);
        if (storageOption) command.Options.Add(storage);
        command.SetAction(async (parsed, ct) =>
        {
            if (!DurationText.TryParse(parsed.GetValue(duration), out var length) || length <= TimeSpan.Zero)
                throw CliException.Usage("--duration must look like 45s or 2m.");
            var folder = parsed.GetValue(images) ?? LoadDefaults.ImagesFolder
                ?? throw CliException.Usage("No --images folder and no ../shared/datasets/lfw-dev beside the repository.");
            var options = new DrillOptions(parsed.GetValue(doors), parsed.GetValue(rate), length, parsed.GetValue(people), folder,
                TimeSpan.FromSeconds(30), parsed.GetValue(requests), parsed.GetValue(maxRss), hardOption && parsed.GetValue(hard),
                storageOption && parsed.GetValue(storage) == "postgres");
            if (options.Doors < 1 || options.Rate <= 0 || options.People < 1 || options.MalformedRequests < 1)
                throw CliException.Usage("--doors, --rate, --people and --requests must be positive.");

            var output = parsed.InvocationConfiguration.Output;
            var console = Terminal.Over(output);
            DrillResult result;
            try
            {
                result = await run(options, m => console.MarkupLine($"[grey]{Markup.Escape(m)}[/]"), ct);
            }
            catch (Exception e) when (e is HttpRequestException or FileNotFoundException or DirectoryNotFoundException
                                          or InvalidDataException or InvalidOperationException or TimeoutException)
            {
                throw new CliException($"drill {name} could not run: {e.Message}");
            }
            if (parsed.GetValue(json)) output.WriteLine(CliJson.Serialize(result));
            else Write(console, result);
            return result.Passed ? ExitCodes.Ok : ExitCodes.InputProblem;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, DrillResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"drill {result.Drill}: {(result.Passed ? "PASS" : "FAIL")}")
            .AddColumn("check").AddColumn("result").AddColumn("measured");
        foreach (var c in result.Checks)
            table.AddRow(Markup.Escape(c.Name), c.Passed ? "[green]pass[/]" : "[red]FAIL[/]", Markup.Escape(c.Measured));
        foreach (var (name, value) in result.Figures) table.AddRow(Markup.Escape(name), "", Markup.Escape(value));
        console.Write(table);
        console.WriteLine(result.Passed ? $"drill {result.Drill}: PASS" : $"drill {result.Drill}: FAIL");
    }
}
