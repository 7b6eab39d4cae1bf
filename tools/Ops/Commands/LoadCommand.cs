using System.CommandLine;
using AccessGrid.Ops.Drills;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Ops.Load;
using Spectre.Console;

namespace AccessGrid.Ops.Commands;

/// <summary>`accessgrid load --doors 20 --rate 40 --duration 60s [--url …] [--key …]`: door readers posting frames at
/// a constant arrival rate (open loop) against a running system, live progress, then a latency/error summary.</summary>
public static class LoadCommand
{
    public static Command Create()
    {
        var doors = new Option<int>("--doors") { Description = "Door readers, each with its own reader key.", DefaultValueFactory = _ => 20 };
        var rate = new Option<double>("--rate") { Description = "Requests per second over all doors (constant arrival rate).", DefaultValueFactory = _ => 40 };
        var duration = new Option<string>("--duration") { Description = "How long to send: 60s, 2m, …", DefaultValueFactory = _ => "60s" };
        var url = new Option<string>("--url") { Description = "The gateway (this machine only).", DefaultValueFactory = _ => LoadDefaults.Url };
        var key = new Option<string?>("--key") { Description = $"Admin API key (default: {LoadDefaults.AdminKeyFile})." };
        var images = new Option<string?>("--images") { Description = "Folder of <person>/<image>.jpg (default: ../shared/datasets/lfw-dev/images)." };
        var people = new Option<int>("--people") { Description = "People to enroll (those with two or more images).", DefaultValueFactory = _ => 50 };
        var mix = new Option<string>("--mix") { Description = "Weights of enrolled, unknown and no-face frames.", DefaultValueFactory = _ => "70,20,10" };
        var timeout = new Option<string>("--timeout") { Description = "Per-request timeout.", DefaultValueFactory = _ => "30s" };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var frame = new Option<string?>("--frame") { Description = "Send every photo inside a camera frame of this size, e.g. 640x480 (default: the photos as they are)." };
        var local = new Option<bool>("--local") { Description = "Start a throw-away silo with its own Azurite on free 127.0.0.1 ports and load that (ignores --url and --key; needs a source checkout)." };

        var command = new Command("load", "Door readers at a constant arrival rate against a running AccessGrid; reports throughput, latency percentiles and errors.")
        {
            doors, rate, duration, url, key, images, people, mix, timeout, frame, json, local,
        };
        command.SetAction(async (parsed, ct) =>
        {
            if (!DurationText.TryParse(parsed.GetValue(duration), out var length)) throw CliException.Usage("--duration must look like 60s, 2m or 90.");
            if (!DurationText.TryParse(parsed.GetValue(timeout), out var limit)) throw CliException.Usage("--timeout must look like 30s.");
            if (!Uri.TryCreate(parsed.GetValue(url), UriKind.Absolute, out var baseUrl)) throw CliException.Usage("--url must be an absolute http URL.");
            if (!baseUrl.IsLoopback) throw CliException.Usage($"Load is only sent to this machine (127.0.0.1 / localhost), not {baseUrl.Host}.");
            LoadSettings settings;
            try
            {
                settings = new LoadSettings(parsed.GetValue(doors), parsed.GetValue(rate), length, LoadMix.Parse(parsed.GetValue(mix)!), limit);
                settings.Validate();
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw CliException.Usage(e.Message);
            }
            var cameraFrame = parsed.GetValue(frame) is { } size ? ParseFrame(size) : ((int, int)?)null;
            var folder = parsed.GetValue(images) ?? LoadDefaults.ImagesFolder
                ?? throw CliException.Usage("No --images folder and no ../shared/datasets/lfw-dev beside the repository.");

            var output = parsed.InvocationConfiguration.Output;
            var console = Terminal.Over(output);
            try
            {
                using var cluster = parsed.GetValue(local)
                    ? await DrillCluster.Start("load", 1, m => console.MarkupLine($"[grey]{Markup.Escape(m)}[/]"), ct)
                    : null;
                var report = await LoadRun.Execute(cluster?.Url(0) ?? baseUrl, cluster?.AdminKey ?? LoadDefaults.ReadAdminKey(parsed.GetValue(key)),
                    folder, parsed.GetValue(people), settings, console, Terminal.IsInteractive(output), ct, cameraFrame);
                if (cluster?.Silo(0)?.PeakRssMegabytes is { } rss) console.MarkupLine(Markup.Escape($"silo peak RSS {rss:F0} MB"));
                if (parsed.GetValue(json)) output.WriteLine(CliJson.Serialize(report));
                else LoadConsole.WriteSummary(console, report, settings);
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

    public static (int Width, int Height) ParseFrame(string text)
    {
        var parts = text.ToLowerInvariant().Split('x');
        return parts.Length == 2 && int.TryParse(parts[0], out var w) && int.TryParse(parts[1], out var h) && w is >= 64 and <= 4096 && h is >= 64 and <= 4096
            ? (w, h)
            : throw CliException.Usage("--frame must look like 640x480 (64..4096 each way).");
    }
}
