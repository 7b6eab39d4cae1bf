namespace AccessGrid.Grains.Backup;

/// <summary>A person as stored: profile, status, half-precision templates, grants with their uses.</summary>
public sealed record BackupPerson(StaffRecord Staff) : BackupLine;
