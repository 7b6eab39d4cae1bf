using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AccessGrid.Grains;

/// <summary>The latest size of each index shard active in this process, for the index gauges. A shard reports after
/// every change and forgets itself when it deactivates, so a silo reports only the shards it holds.</summary>
public sealed class ShardSizes
{
    private readonly ConcurrentDictionary<int, (int Templates, int Identities)> _sizes = new();

    public void Report(int shard, int templates, int identities) => _sizes[shard] = (templates, identities);

    public void Forget(int shard) => _sizes.TryRemove(shard, out _);

    internal IEnumerable<Measurement<int>> Observe(Func<(int Templates, int Identities), int> pick) =>
        _sizes.Select(s => new Measurement<int>(pick(s.Value), new KeyValuePair<string, object?>("shard", s.Key)));
}
