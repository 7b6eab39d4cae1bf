using System.CommandLine;
using AccessGrid.Cli.Import;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Client;

namespace AccessGrid.Cli.Commands;

/// <summary>`accessgrid staff import --csv FILE --photos DIR [--url …] [--key …]`: bulk enrollment through the public API.</summary>
public static class StaffCommand
{
    public static Command Create()
    {
        var csv = new Option<string>("--csv") { Description = "People: header id,name[,photos,doors,zones]; lists separated by ';'.", Required = true };
        var photos = new Option<string>("--photos") { Description = "Folder the photo file names are relative to.", Required = true };
        var gateway = new GatewayOptions("Admin or HR");
        var rejects = new Option<string?>("--rejects") { Description = "Rejects CSV (default: next to --csv, NAME.rejects.csv)." };
        var journal = new Option<string?>("--journal") { Description = "What is done, for re-runs (default: next to --csv, NAME.import-journal)." };
        var parallelism = new Option<int>("--parallel") { Description = "People imported at once.", DefaultValueFactory = _ => 4 };
        parallelism.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 64) r.AddError("--parallel must be 1..64."); });

        var import = new Command("import", "Create people, grant doors and zones, enroll photos; resumable; refused rows and photos go to a rejects CSV.")
        {
            csv, photos, gateway.Url, gateway.Key, rejects, journal, parallelism,
        };
        import.SetAction(async (parsed, ct) =>
        {
            var baseUrl = gateway.BaseUrl(parsed);
            var csvPath = parsed.GetRequiredValue(csv);
            if (!File.Exists(csvPath)) throw CliException.Usage($"no CSV file {csvPath}");
            var photosDirectory = parsed.GetRequiredValue(photos);
            if (!Directory.Exists(photosDirectory)) throw CliException.Usage($"no photo folder {photosDirectory}");
            var (rows, csvRejects) = StaffCsv.Parse(await File.ReadAllTextAsync(csvPath, ct));
            var stem = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(csvPath))!, Path.GetFileNameWithoutExtension(csvPath));
            var rejectsPath = parsed.GetValue(rejects) ?? stem + ".rejects.csv";

            using var client = AccessGridClient.Create(baseUrl, gateway.ApiKey(parsed), TimeSpan.FromMinutes(2));
            using var done = new ImportJournal(parsed.GetValue(journal) ?? stem + ".import-journal");
            var importer = new StaffImporter(client, photosDirectory, done);
            var status = Terminal.Over(parsed.InvocationConfiguration.Error);
            var summary = ProgressBar.Run(status, $"Importing {rows.Count} people", rows.Count,
                progress => importer.Run(rows, csvRejects, parsed.GetValue(parallelism), progress, ct).GetAwaiter().GetResult());
            RejectsCsv.Write(rejectsPath, summary.Rejects);

            parsed.InvocationConfiguration.Output.WriteLine(
                $"{summary.Rows} rows: {summary.Created} people created, {summary.Existing} already there; {summary.PhotosEnrolled} photos enrolled, " +
                $"{summary.PhotosSkipped} done before; {summary.Rejects.Count} rejects → {rejectsPath}");
            return summary.Rejects.Count == 0 ? ExitCodes.Ok : ExitCodes.InputProblem;
        });
        return new Command("staff", "People in bulk.") { import };
    }
}
