namespace AccessGrid.Grains;

/// <summary>A freshly created key: the only time its secret is shown.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.CreatedApiKey")]
public sealed record CreatedApiKey(
    [property: Id(0)] string Key,
    [property: Id(1)] ApiKeyInfo Info);
