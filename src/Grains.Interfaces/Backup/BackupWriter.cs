using System.Security.Cryptography;
using System.Text.Json;

namespace AccessGrid.Grains.Backup;

/// <summary>Writes a backup stream line by line, counting and hashing as it goes; <see cref="Finish"/> writes the end
/// line. Holds nothing but the line being written.</summary>
public sealed class BackupWriter(Stream output) : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _doors, _keys, _staff, _templates;

    public async Task Write(BackupLine line, CancellationToken ct = default)
    {
        switch (line)
        {
            case BackupDoor: _doors++; break;
            case BackupKey: _keys++; break;
            case BackupPerson p: _staff++; _templates += p.Staff.Faces.Length; break;
            case BackupEnd: throw new ArgumentException("The end line is written by Finish.", nameof(line));
        }
        var bytes = Serialize(line);
        _hash.AppendData(bytes);
        await output.WriteAsync(bytes, ct);
    }

    /// <summary>Writes the end line and returns it.</summary>
    public async Task<BackupEnd> Finish(CancellationToken ct = default)
    {
        var end = new BackupEnd(_doors, _keys, _staff, _templates, Convert.ToHexStringLower(_hash.GetHashAndReset()));
        await output.WriteAsync(Serialize(end), ct);
        await output.FlushAsync(ct);
        return end;
    }

    public void Dispose() => _hash.Dispose();

    private static byte[] Serialize(BackupLine line) => [.. JsonSerializer.SerializeToUtf8Bytes(line, BackupJson.Options), (byte)'\n'];
}
