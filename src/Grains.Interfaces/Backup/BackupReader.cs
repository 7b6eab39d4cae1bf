using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AccessGrid.Grains.Backup;

/// <summary>Reads a backup stream and proves it whole: a header first, well-formed lines, an end line last whose counts
/// and SHA-256 match what came before, nothing after it. Each line is handed on as it is read; the caller must not act
/// on them before <see cref="Read"/> returns (only then is the stream known to be whole).</summary>
public static class BackupReader
{
    /// <summary>Reads every line, handing doors, keys and people to <paramref name="onItem"/>; returns the header and the
    /// end line. Throws <see cref="InvalidBackupException"/> naming the problem.</summary>
    public static async Task<(BackupHeader Header, BackupEnd End)> Read(Stream input, Action<BackupLine>? onItem = null, CancellationToken ct = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var reader = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        BackupHeader? header = null;
        BackupEnd? end = null;
        int doors = 0, keys = 0, staff = 0, templates = 0, number = 0;
        string? text;
        while ((text = await ReadLine(reader, ct)) is not null)
        {
            number++;
            if (end is not null) throw new InvalidBackupException($"Line {number} follows the end line: the backup was altered.");
            var line = Parse(text, number);
            switch (line)
            {
                case BackupHeader h when number == 1:
                    if (h.Format != BackupHeader.CurrentFormat)
                        throw new InvalidBackupException($"The backup's format is '{h.Format}'; this version reads '{BackupHeader.CurrentFormat}'.");
                    header = h;
                    break;
                case BackupEnd e when header is not null:
                    end = e;
                    continue; // the end line is not part of what it hashes
                case BackupDoor or BackupKey or BackupPerson when header is not null:
                    if (line is BackupDoor) doors++;
                    else if (line is BackupKey) keys++;
                    else { staff++; templates += ((BackupPerson)line).Staff.Faces?.Length ?? 0; }
                    onItem?.Invoke(line);
                    break;
                default:
                    throw new InvalidBackupException(number == 1 ? "The stream does not start with a backup header." : $"Line {number} is out of place.");
            }
            hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        }
        if (header is null) throw new InvalidBackupException("The backup is empty.");
        if (end is null) throw new InvalidBackupException($"The backup is truncated: it stops after line {number} without its end line.");
        if (Convert.ToHexStringLower(hash.GetHashAndReset()) != end.Sha256)
            throw new InvalidBackupException("The backup's checksum does not match its content: it was altered.");
        if ((doors, keys, staff, templates) != (end.Doors, end.Keys, end.Staff, end.Templates))
            throw new InvalidBackupException($"The backup holds {doors} doors, {keys} keys, {staff} people and {templates} templates; its end line says " +
                                             $"{end.Doors}, {end.Keys}, {end.Staff} and {end.Templates}.");
        return (header, end);
    }

    private static async Task<string?> ReadLine(StreamReader reader, CancellationToken ct)
    {
        try { return await reader.ReadLineAsync(ct); }
        catch (DecoderFallbackException) { throw new InvalidBackupException("The backup is not UTF-8 text: it was altered."); }
    }

    private static BackupLine Parse(string text, int number)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupLine>(text, BackupJson.Options) ?? throw new JsonException("null");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new InvalidBackupException($"Line {number} is not a backup line: {e.Message}");
        }
    }
}
