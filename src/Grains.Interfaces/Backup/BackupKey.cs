namespace AccessGrid.Grains.Backup;

/// <summary>An API key's hash and public information (never the key).</summary>
public sealed record BackupKey(ApiKeyRecord Key) : BackupLine;
