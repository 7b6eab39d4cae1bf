using System.CommandLine;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Client;
using AccessGrid.Client.Backup;
using AccessGrid.Grains.Backup;

namespace AccessGrid.Cli.Commands;

/// <summary>`accessgrid backup --out FILE [--url …] [--key …] [--passphrase-file F]`: the site's backup from a running
/// gateway, encrypted with a passphrase (<see cref="BackupFile"/>), then read back to prove it restorable.</summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The backup file to write (must not exist).", Required = true };
        var gateway = new GatewayOptions("Admin");
        var passphrase = new Passphrase();
        var command = new Command("backup", "Write an encrypted backup of doors, key hashes and people (templates as stored, grants) with the model version.")
        {
            output, gateway.Url, gateway.Key, passphrase.File,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var path = Path.GetFullPath(parsed.GetRequiredValue(output));
            if (File.Exists(path)) throw CliException.Usage($"{path} exists; choose another --out (backups are never overwritten).");
            var secret = passphrase.Read(parsed, parsed.InvocationConfiguration.Error, confirm: true);
            using var client = AccessGridClient.Create(gateway.BaseUrl(parsed), gateway.ApiKey(parsed), Timeout.InfiniteTimeSpan);

            // Written beside the target and renamed when whole: a failed backup never looks like a backup.
            var partial = path + ".partial";
            try
            {
                await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
                await using (var encrypted = BackupFile.Create(file, secret))
                {
                    await client.Backup(encrypted, ct);
                    encrypted.Finish();
                }
                var (header, end) = await BackupReading.Verify(partial, secret, "The backup was not kept.", ct);
                File.Move(partial, path);
                parsed.InvocationConfiguration.Output.WriteLine(
                    $"Backup written and verified: {end.Doors} doors, {end.Keys} keys, {end.Staff} people, {end.Templates} templates " +
                    $"(model {header.Model}) → {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB)");
                return ExitCodes.Ok;
            }
            catch (AccessGridApiException e)
            {
                throw new CliException($"The gateway refused the backup: {e.Detail ?? e.Message}");
            }
            finally
            {
                File.Delete(partial);
            }
        });
        return command;
    }
}
