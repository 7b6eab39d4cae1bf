namespace AccessGrid.Grains;

/// <summary>The people of one directory partition in memory: the stored id → name map, the ids sorted (ordinal) for
/// paging, each name's folded words, and prefix indexes over the words and the lower-cased ids, so a search reads only
/// the people whose word or id starts like the text. Rebuilt from the stored map on activation.</summary>
public sealed class DirectoryPartition
{
    private readonly Dictionary<string, string> _names;
    private readonly List<string> _ids;
    private readonly Dictionary<string, string[]> _words;
    private readonly PrefixIndex _byWord;
    private readonly PrefixIndex _byId;

    /// <param name="names">The stored map; changed in place, so the caller can persist it as it is.</param>
    public DirectoryPartition(Dictionary<string, string> names)
    {
        _names = names;
        _ids = [.. names.Keys.Order(StringComparer.Ordinal)];
        _words = names.ToDictionary(p => p.Key, p => StaffMatch.Words(p.Value), StringComparer.Ordinal);
        _byWord = new PrefixIndex(_words.SelectMany(p => p.Value.Select(w => (w, p.Key))));
        _byId = new PrefixIndex(_ids.Select(id => (id.ToLowerInvariant(), id)));
    }

    public int Count => _ids.Count;

    /// <summary>Adds or renames a person. False when nothing changed.</summary>
    public bool Put(string staffId, string name)
    {
        if (_names.TryGetValue(staffId, out var known) && known == name) return false;
        if (known is null)
        {
            _ids.Insert(~_ids.BinarySearch(staffId, StringComparer.Ordinal), staffId);
            _byId.Add(staffId.ToLowerInvariant(), staffId);
        }
        else
        {
            foreach (var word in _words[staffId]) _byWord.Remove(word, staffId);
        }
        _names[staffId] = name;
        _words[staffId] = StaffMatch.Words(name);
        foreach (var word in _words[staffId]) _byWord.Add(word, staffId);
        return true;
    }

    /// <summary>Forgets a person. False when they were not here.</summary>
    public bool Remove(string staffId)
    {
        if (!_names.Remove(staffId)) return false;
        _ids.RemoveAt(_ids.BinarySearch(staffId, StringComparer.Ordinal));
        _byId.Remove(staffId.ToLowerInvariant(), staffId);
        foreach (var word in _words[staffId]) _byWord.Remove(word, staffId);
        _words.Remove(staffId);
        return true;
    }

    /// <summary>The first <paramref name="take"/> matching ids after <paramref name="after"/>, and every match's count.</summary>
    public PartitionPage Find(StaffMatch match, string? after, int take)
    {
        if (match.IsEveryone) return new PartitionPage([.. _ids.Skip(after is null ? 0 : FirstAfter(after)).Take(take)], _ids.Count);
        // Candidates from the indexes: ids starting like the text, and people with a word starting like the text's
        // longest word (then checked against every word of the text).
        var found = new HashSet<string>(_byId.IdsWithPrefix(match.IdPrefix), StringComparer.Ordinal);
        if (match.LongestWord is { } word) found.UnionWith(_byWord.IdsWithPrefix(word).Where(id => match.Matches(id, _words[id])));
        var page = found.Where(id => after is null || string.CompareOrdinal(id, after) > 0).Order(StringComparer.Ordinal).Take(take);
        return new PartitionPage([.. page], found.Count);
    }

    private int FirstAfter(string id)
    {
        var at = _ids.BinarySearch(id, StringComparer.Ordinal);
        return at >= 0 ? at + 1 : ~at;
    }
}
