namespace AccessGrid.Cli.Identification;

/// <summary>A person's distance to the probe: the nearest of their enrolled images.</summary>
public sealed record Candidate(string Person, float Distance, string NearestImage);
