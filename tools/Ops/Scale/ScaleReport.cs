using AccessGrid.Ops.Load;

namespace AccessGrid.Ops.Scale;

/// <summary>What the scale run measured (docs/benchmarks.md, "Scale run").</summary>
public sealed record ScaleReport(
    int People,
    int RealPeople,
    int SyntheticPeople,
    long BackupBytes,
    double RestoreSeconds,
    double RestorePeoplePerSecond,
    int IndexTemplates,
    long IndexMemoryBytes,
    long StaffStateBytes,
    long SnapshotBytes,
    double BytesPerTemplate,
    double RestartToFirstDecisionSeconds,
    LoadReport Load,
    string LoadAverage);
