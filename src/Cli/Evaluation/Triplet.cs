namespace AccessGrid.Cli.Evaluation;

/// <summary>An anchor, another image of the same person, and an image of someone else.</summary>
public sealed record Triplet(LfwImage Anchor, LfwImage Positive, LfwImage Negative);
