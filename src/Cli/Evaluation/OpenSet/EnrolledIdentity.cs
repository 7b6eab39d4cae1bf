namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>One enrolled person of the open-set gallery and their templates.</summary>
public sealed record EnrolledIdentity(string Name, IReadOnlyList<float[]> Templates);
