namespace AccessGrid.Grains;

/// <summary>A person as the API shows them.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.StaffProfile")]
public sealed record StaffProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] StaffStatus Status,
    [property: Id(3)] TemplateSummary[] Templates,
    [property: Id(4)] Grant[] Grants,
    [property: Id(5)] DateTimeOffset CreatedAt);
