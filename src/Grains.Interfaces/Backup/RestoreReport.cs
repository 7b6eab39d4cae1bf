namespace AccessGrid.Grains.Backup;

/// <summary>What a restore wrote: per kind what was restored, what already existed (merge) and what its grain refused.</summary>
public sealed record RestoreReport(RestoreOutcome Doors, RestoreOutcome Keys, RestoreOutcome Staff, int Templates, ModelVersion Model,
    string Sha256, double Seconds);
