using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Client;
using AccessGrid.Client.Backup;
using AccessGrid.Grains;
using AccessGrid.Grains.Backup;
using AccessGrid.Ops.Drills;
using AccessGrid.Ops.Load;
using AccessGrid.Ops.Scale;
using Spectre.Console;

namespace AccessGrid.Ops.Commands;

/// <summary>`accessgrid scale --people 100000`: the issue 14 scale run on a throw-away silo on the PostgreSQL profile —
/// restore N people from an encrypted backup (real lfw-dev templates + synthetic identities, <see cref="ScaleGallery"/>),
/// measure the restore rate and the bytes per template, drive the doors over HTTP at a constant rate with camera
/// frames (the load generator finds the restored people), then kill the silo and time the first decision after.</summary>
public static class ScaleCommand
{
    public static Command Create()
    {
        var people = new Option<int>("--people") { Description = "People to restore (real lfw-dev people first, the rest synthetic).", DefaultValueFactory = _ => 100_000 };
        var images = new Option<string?>("--images") { Description = "lfw-dev images (default: ../shared/datasets/lfw-dev/images)." };
        var rate = new Option<double>("--rate") { Description = "Door requests per second.", DefaultValueFactory = _ => 20 };
        var duration = new Option<string>("--duration") { Description = "How long to send.", DefaultValueFactory = _ => "60s" };
        var doors = new Option<int>("--doors") { Description = "Door readers.", DefaultValueFactory = _ => 4 };
        var loadPeople = new Option<int>("--load-people") { Description = "lfw-dev people whose other photos the doors see.", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("scale", "Restore N people into a PostgreSQL-profile silo, load its doors at a constant rate with 640x480 frames, restart it.")
        {
            people, images, rate, duration, doors, loadPeople, json,
        };
        command.SetAction(async (parsed, ct) =>
        {
            if (!DurationText.TryParse(parsed.GetValue(duration), out var length)) throw CliException.Usage("--duration must look like 60s or 2m.");
            var settings = new LoadSettings(parsed.GetValue(doors), parsed.GetValue(rate), length, LoadMix.Parse("70,20,10"), TimeSpan.FromSeconds(30));
            var folder = parsed.GetValue(images) ?? LoadDefaults.ImagesFolder ?? throw CliException.Usage("No --images and no ../shared/datasets/lfw-dev.");
            var output = parsed.InvocationConfiguration.Output;
            var console = Terminal.Over(output);
            void Log(string m) => console.MarkupLine($"[grey]{DateTime.Now:HH:mm:ss} {Markup.Escape(m)}[/]");

            using var cluster = await DrillCluster.Start("scale", 1, Log, ct, postgres: true);
            using var admin = AccessGridClient.Create(cluster.Url(0), cluster.AdminKey, Timeout.InfiniteTimeSpan);

            // The model version comes from the site itself: the header of its (empty) backup.
            using var empty = new MemoryStream();
            await admin.Backup(empty, ct);
            empty.Position = 0;
            var (header, _) = await BackupReader.Read(empty, ct: ct);

            var file = Path.Combine(cluster.Folder, "people.agbackup");
            var passphrase = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
            (int Real, int Synthetic) made;
            await using (var stream = File.Create(file))
            await using (var encrypted = BackupFile.Create(stream, passphrase))
            {
                made = await ScaleGallery.Write(folder, parsed.GetValue(people), header.Model, encrypted, Log, ct);
                encrypted.Finish();
            }
            Log($"backup of {made.Real + made.Synthetic} people: {new FileInfo(file).Length / 1e6:F1} MB");

            var clock = Stopwatch.StartNew();
            RestoreReport restored;
            await using (var stream = File.OpenRead(file))
            await using (var plain = BackupFile.Open(stream, passphrase))
            {
                var next = 0.0;
                restored = await admin.Restore(plain, progress: p =>
                {
                    if (p.Phase == "staff" && p.Done >= next) { Log($"restoring: {p.Done} of {p.Total} people, {p.Done / clock.Elapsed.TotalSeconds:F0}/s"); next += p.Total / 10.0; }
                    else if (p.Phase != "staff") Log($"restore phase {p.Phase}");
                }, ct: ct);
            }
            var restoreSeconds = clock.Elapsed.TotalSeconds;
            Log($"restored {restored.Staff.Restored} people ({restored.Staff.Rejected.Length} refused) in {restoreSeconds:F0} s");

            var index = await admin.IndexStats(ct);
            var templates = index.EnumerateArray().Sum(s => s.GetProperty("templates").GetInt32());
            var memory = index.EnumerateArray().Sum(s => s.GetProperty("indexBytes").GetInt64());

            var load = await LoadRun.Execute(cluster.Url(0), cluster.AdminKey, folder, parsed.GetValue(loadPeople), settings, console,
                Terminal.IsInteractive(output), ct, (640, 480));
            var loadAverage = File.ReadAllText("/proc/loadavg").Trim();

            var restart = await RestartToFirstDecision(cluster, admin, folder, ct);
            Log($"restart to first decision: {restart:F1} s");
            // After the restart: the restore's connection pool held every connection the server allows.
            var (stateBytes, snapshotBytes) = await StorageSizes.Measure(cluster.PostgresConnectionString!, ct);

            var report = new ScaleReport(made.Real + made.Synthetic, made.Real, made.Synthetic, new FileInfo(file).Length, restoreSeconds,
                restored.Staff.Restored / restoreSeconds, templates, memory, stateBytes, snapshotBytes,
                templates == 0 ? 0 : (double)(stateBytes + snapshotBytes) / templates, restart, load, loadAverage);
            if (parsed.GetValue(json)) output.WriteLine(CliJson.Serialize(report));
            else
            {
                LoadConsole.WriteSummary(console, load, settings);
                output.WriteLine(JsonSerializer.Serialize(report with { Load = load }, new JsonSerializerOptions { WriteIndented = true }));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Kills the silo, starts it again and posts one camera frame of a restored person to a door until a
    /// decision comes back: seconds from the kill.</summary>
    private static async Task<double> RestartToFirstDecision(DrillCluster cluster, AccessGridClient admin, string folder, CancellationToken ct)
    {
        var doorId = (await admin.ListDoors(ct)).First(d => d.Zone == ScaleGallery.Zone).Id;
        var frame = FrameLibrary.Load(folder, 1, 1, (640, 480)).Frames[FrameKind.Enrolled][0].Jpeg;
        var clock = Stopwatch.StartNew();
        cluster.RestartSilo(0);
        using var client = AccessGridClient.Create(cluster.Url(0), cluster.AdminKey, TimeSpan.FromSeconds(60));
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            try
            {
                await client.Access(doorId, frame, ct: ct);
                return clock.Elapsed.TotalSeconds;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or AccessGridApiException { Status: >= System.Net.HttpStatusCode.InternalServerError })
            {
                await Task.Delay(100, ct);
            }
        }
        throw new TimeoutException("No decision within 5 minutes of the restart.");
    }

}
