namespace AccessGrid.Grains.Backup;

/// <summary>The last line: what came before it, and the SHA-256 (lower-case hex) of every byte before it.</summary>
public sealed record BackupEnd(int Doors, int Keys, int Staff, int Templates, string Sha256) : BackupLine;
