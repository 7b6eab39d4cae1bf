using AccessGrid.Ops.Load;

namespace AccessGrid.Ops.Capacity;

/// <summary>One size of the storage wall: what the store held and how doors and plain writes fared at that size.</summary>
/// <param name="TargetMb">The size asked for.</param>
/// <param name="TableMb">Azurite's table database on disk when the measurement began.</param>
/// <param name="People">Synthetic people (plus the load's real ones).</param>
/// <param name="Decisions">Synthetic decisions in the hot audit (plus the load runs' own).</param>
/// <param name="LoadBefore">/proc/loadavg's 1-minute figure before the measurement.</param>
/// <param name="LoadAfter">The same after it.</param>
public sealed record WallStep(
    int TargetMb,
    double TableMb,
    int People,
    long Decisions,
    LoadReport Door,
    ProbeResult Probe,
    double LoadBefore,
    double LoadAfter);
