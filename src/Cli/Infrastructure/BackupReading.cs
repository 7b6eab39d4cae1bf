using AccessGrid.Client.Backup;
using AccessGrid.Grains.Backup;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>Proves a backup file whole — every chunk, the passphrase, the lines, counts and checksum — without keeping
/// any of it.</summary>
public static class BackupReading
{
    /// <param name="consequence">Appended to the message when the file is refused (what did not happen).</param>
    public static async Task<(BackupHeader Header, BackupEnd End)> Verify(string path, string passphrase, string consequence, CancellationToken ct)
    {
        try
        {
            await using var file = File.OpenRead(path);
            await using var plain = BackupFile.Open(file, passphrase);
            return await BackupReader.Read(plain, ct: ct);
        }
        catch (InvalidBackupException e)
        {
            throw new CliException($"{path}: {e.Message} {consequence}");
        }
    }
}
