namespace AccessGrid.Grains;

/// <summary>Keys paired with staff ids, sorted (ordinal), so the ids whose key starts with a prefix are one binary search
/// and a run of neighbours away. A directory partition keeps one over name words and one over lower-cased ids.</summary>
public sealed class PrefixIndex
{
    private static readonly Comparer<(string Key, string Id)> Order = Comparer<(string Key, string Id)>.Create(static (a, b) =>
        string.CompareOrdinal(a.Key, b.Key) is var byKey and not 0 ? byKey : string.CompareOrdinal(a.Id, b.Id));

    private readonly List<(string Key, string Id)> _pairs;

    public PrefixIndex(IEnumerable<(string Key, string Id)> pairs)
    {
        _pairs = [.. pairs];
        _pairs.Sort(Order);
    }

    public void Add(string key, string id)
    {
        var at = _pairs.BinarySearch((key, id), Order);
        if (at < 0) _pairs.Insert(~at, (key, id));
    }

    public void Remove(string key, string id)
    {
        var at = _pairs.BinarySearch((key, id), Order);
        if (at >= 0) _pairs.RemoveAt(at);
    }

    /// <summary>Every id with a key that starts with <paramref name="prefix"/> (an id twice if two of its keys do).</summary>
    public IEnumerable<string> IdsWithPrefix(string prefix)
    {
        var at = _pairs.BinarySearch((prefix, ""), Order);
        for (var i = at >= 0 ? at : ~at; i < _pairs.Count && _pairs[i].Key.StartsWith(prefix, StringComparison.Ordinal); i++)
            yield return _pairs[i].Id;
    }
}
