namespace AccessGrid.Ops.Drills;

/// <summary>One pass/fail criterion of a drill with the number that decided it.</summary>
public sealed record DrillCheck(string Name, bool Passed, string Measured);

/// <summary>A drill's verdict: every check, plus figures worth reporting that are not pass/fail.</summary>
public sealed record DrillResult(string Drill, IReadOnlyList<DrillCheck> Checks, IReadOnlyDictionary<string, string> Figures)
{
    public bool Passed => Checks.All(c => c.Passed);
}
