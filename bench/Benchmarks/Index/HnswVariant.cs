namespace AccessGrid.Benchmarks.Index;

/// <summary>One way of using USearch: its settings, how many shards the gallery is split into (searched in parallel,
/// results merged, as the index grains do), and how many candidates are re-ranked exactly in float32 (0 = none).</summary>
public sealed record HnswVariant(string Name, HnswSettings Settings, int Shards = 1, int Rerank = 0);
