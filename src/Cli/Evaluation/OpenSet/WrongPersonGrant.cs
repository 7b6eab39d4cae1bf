namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>A genuine probe the door granted as someone else: whose photo it was, who it was taken for, how near.</summary>
public sealed record WrongPersonGrant(string Person, int Photo, string GrantedAs, float Distance, float RunnerUp);
