namespace AccessGrid.Grains.Backup;

/// <summary>One line of a restore's answer (JSON lines): how far a phase (doors, keys, staff, index) has come; the
/// last line is phase "done" with the <see cref="Report"/>, or "failed" with the <see cref="Error"/>.</summary>
public sealed record RestoreProgress(string Phase, int Done, int Total, RestoreReport? Report = null, string? Error = null)
{
    public const string DonePhase = "done";
    public const string FailedPhase = "failed";
}
