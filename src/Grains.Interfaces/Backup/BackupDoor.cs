namespace AccessGrid.Grains.Backup;

/// <summary>A door's configuration.</summary>
public sealed record BackupDoor(DoorInfo Door) : BackupLine;
