namespace AccessGrid.Grains;

/// <summary>The people of one directory partition in memory: the stored id → name map, the ids sorted (ordinal) for
/// paging, and each name's folded words for searching. Rebuilt from the stored map on activation.</summary>
public sealed class DirectoryPartition
{
    private readonly Dictionary<string, string> _names;
    private readonly List<string> _ids;
    private readonly Dictionary<string, string[]> _words;

    /// <param name="names">The stored map; changed in place, so the caller can persist it as it is.</param>
    public DirectoryPartition(Dictionary<string, string> names)
    {
        _names = names;
        _ids = [.. names.Keys.Order(StringComparer.Ordinal)];
        _words = names.ToDictionary(p => p.Key, p => StaffMatch.Words(p.Value), StringComparer.Ordinal);
    }

    public int Count => _ids.Count;

    /// <summary>Adds or renames a person. False when nothing changed.</summary>
    public bool Put(string staffId, string name)
    {
        if (_names.TryGetValue(staffId, out var known) && known == name) return false;
        if (known is null) _ids.Insert(~_ids.BinarySearch(staffId, StringComparer.Ordinal), staffId);
        _names[staffId] = name;
        _words[staffId] = StaffMatch.Words(name);
        return true;
    }

    /// <summary>Forgets a person. False when they were not here.</summary>
    public bool Remove(string staffId)
    {
        if (!_names.Remove(staffId)) return false;
        _ids.RemoveAt(_ids.BinarySearch(staffId, StringComparer.Ordinal));
        _words.Remove(staffId);
        return true;
    }

    /// <summary>The first <paramref name="take"/> matching ids after <paramref name="after"/>, and every match's count.</summary>
    public PartitionPage Find(StaffMatch match, string? after, int take)
    {
        var start = after is null ? 0 : FirstAfter(after);
        var page = new List<string>(Math.Min(take, _ids.Count - start));
        if (match.IsEveryone)
        {
            page.AddRange(_ids.Skip(start).Take(take));
            return new PartitionPage([.. page], _ids.Count);
        }
        var total = 0;
        for (var i = 0; i < _ids.Count; i++)
        {
            if (!match.Matches(_ids[i], _words[_ids[i]])) continue;
            total++;
            if (i >= start && page.Count < take) page.Add(_ids[i]);
        }
        return new PartitionPage([.. page], total);
    }

    private int FirstAfter(string id)
    {
        var at = _ids.BinarySearch(id, StringComparer.Ordinal);
        return at >= 0 ? at + 1 : ~at;
    }
}
