namespace AccessGrid.Grains;

/// <summary>A shard's answer: its best hits (exactly re-ranked) and how many identities it holds.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.ShardSearchResult")]
public sealed record ShardSearchResult(
    [property: Id(0)] IndexHit[] Hits,
    [property: Id(1)] int Identities);
