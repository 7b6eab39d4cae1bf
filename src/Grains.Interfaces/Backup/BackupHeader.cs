namespace AccessGrid.Grains.Backup;

/// <summary>The first line: the format, when and where the backup was taken, and the recognition net of its templates.</summary>
public sealed record BackupHeader(string Format, DateTimeOffset CreatedAt, ModelVersion Model) : BackupLine
{
    public const string CurrentFormat = "accessgrid-backup/1";
}
