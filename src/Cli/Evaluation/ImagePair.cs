namespace AccessGrid.Cli.Evaluation;

/// <summary>One line of a pairs file: two images, whether they show the same person, and the fold the line belongs to.</summary>
public sealed record ImagePair(LfwImage A, LfwImage B, bool Same, int Fold);
