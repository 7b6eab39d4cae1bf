namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>A genuine probe the door granted as someone else: whose photo it was (1-based position in their folder),
/// who it was taken for, how near, and how near the runner-up was.</summary>
public sealed record WrongPersonGrant(string Person, int Photo, string GrantedAs, float Distance, float RunnerUp);
