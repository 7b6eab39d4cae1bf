namespace AccessGrid.Grains;

/// <summary>The merged answer of every shard: the nearest people (one hit each, their nearest template), nearest
/// first, and how many identities the whole gallery holds.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.IndexSearchResult")]
public sealed record IndexSearchResult(
    [property: Id(0)] IndexHit[] Hits,
    [property: Id(1)] int Identities);
