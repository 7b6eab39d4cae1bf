using System.CommandLine;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Client;
using AccessGrid.Client.Backup;
using AccessGrid.Grains;

namespace AccessGrid.Cli.Commands;

/// <summary>`accessgrid restore FILE [--merge] [--url …] [--key …] [--passphrase-file F]`: proves the whole file first
/// (passphrase, every chunk, counts, checksum) and writes nothing unless it is whole; then streams it to the gateway,
/// which refuses another model version or a non-empty site (unless --merge) before its first write.</summary>
public static class RestoreCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A file written by `accessgrid backup`." };
        var merge = new Option<bool>("--merge") { Description = "Restore into a site that already has doors or people: ids that exist are kept as they are." };
        var gateway = new GatewayOptions("Admin");
        var passphrase = new Passphrase();
        var command = new Command("restore", "Restore an encrypted backup into a site running the same recognition model (empty unless --merge); rebuilds the index.")
        {
            file, merge, gateway.Url, gateway.Key, passphrase.File,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var path = parsed.GetRequiredValue(file);
            if (!File.Exists(path)) throw CliException.Usage($"no backup file {path}");
            var secret = passphrase.Read(parsed, parsed.InvocationConfiguration.Error, confirm: false);
            var (header, end) = await BackupReading.Verify(path, secret, "Nothing was restored.", ct);
            var output = parsed.InvocationConfiguration.Output;
            output.WriteLine($"{path} is whole: {end.Doors} doors, {end.Keys} keys, {end.Staff} people, {end.Templates} templates, " +
                             $"taken {header.CreatedAt:u} with model {header.Model}.");

            using var client = AccessGridClient.Create(gateway.BaseUrl(parsed), gateway.ApiKey(parsed), Timeout.InfiniteTimeSpan);
            var status = Terminal.Over(parsed.InvocationConfiguration.Error);
            var report = ProgressBar.Run(status, $"Restoring {end.Staff} people", end.Staff, advance =>
            {
                var reported = 0;
                void Progress(Grains.Backup.RestoreProgress p)
                {
                    if (p.Phase != "staff" || p.Done <= reported) return;
                    advance(p.Done - reported);
                    reported = p.Done;
                }
                try
                {
                    using var stream = File.OpenRead(path);
                    using var plain = BackupFile.Open(stream, secret);
                    return client.Restore(plain, parsed.GetValue(merge), Progress, ct).GetAwaiter().GetResult();
                }
                catch (AccessGridApiException e)
                {
                    throw new CliException(e.Reason == "restore_failed"
                        ? $"The restore failed part way: {e.Detail} What was written before stays; erase it or restore again with --merge."
                        : $"The gateway refused the restore ({e.Reason}): {e.Detail} Nothing was restored.");
                }
            });
            output.WriteLine($"Restored in {report.Seconds:0.0} s: doors {Describe(report.Doors)}; keys {Describe(report.Keys)}; " +
                             $"people {Describe(report.Staff)}; index rebuilt.");
            var rejected = report.Doors.Rejected.Concat(report.Keys.Rejected).Concat(report.Staff.Rejected).ToArray();
            foreach (var reject in rejected) output.WriteLine($"  refused {reject.Kind} {reject.Id}: {reject.Reason} — {reject.Message}");
            return rejected.Length == 0 ? ExitCodes.Ok : ExitCodes.InputProblem;
        });
        return command;
    }

    private static string Describe(RestoreOutcome o) => $"{o.Restored} restored, {o.Skipped} kept, {o.Rejected.Length} refused";
}
