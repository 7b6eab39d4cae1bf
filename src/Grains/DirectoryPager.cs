namespace AccessGrid.Grains;

/// <summary>Merges the partitions' id-ordered answers into one page. Each partition is asked for a share of the page
/// (the hash spreads people evenly) and asked again, from its last id on, only while it could still hold an id that
/// belongs on the page: an id a partition has not sent sorts after the last one it sent.</summary>
public static class DirectoryPager
{
    /// <param name="fetch">Asks partition p for its first <c>take</c> matching ids after a cursor.</param>
    public static async Task<StaffIdPage> Page(int partitions, Func<int, string?, int, Task<PartitionPage>> fetch, StaffQuery query)
    {
        var need = query.Offset + query.Limit + 1; // one more than the page tells whether a next page exists
        var share = need * 2 / partitions + 8;
        var sources = await Task.WhenAll(Enumerable.Range(0, partitions).Select(async p => new Source(p, share, await fetch(p, query.After, share))));
        var total = sources.Sum(s => s.Total);
        while (true)
        {
            var merged = sources.SelectMany(s => s.Ids).Order(StringComparer.Ordinal).Take(need).ToList();
            var last = merged.Count == need ? merged[^1] : null;
            var unsure = sources.Where(s => !s.Exhausted && (last is null || string.CompareOrdinal(s.Ids[^1], last) < 0)).ToArray();
            if (unsure.Length == 0) return ToPage(merged, total, query);
            await Task.WhenAll(unsure.Select(s => s.More(fetch)));
        }
    }

    private static StaffIdPage ToPage(List<string> merged, int total, StaffQuery query)
    {
        var ids = merged.Skip(query.Offset).Take(query.Limit).ToArray();
        var more = merged.Count > query.Offset + query.Limit;
        return new StaffIdPage(ids, total, more && ids.Length > 0 ? ids[^1] : null);
    }

    /// <summary>What one partition has sent so far.</summary>
    private sealed class Source(int partition, int asked, PartitionPage first)
    {
        public List<string> Ids { get; } = [.. first.Ids];
        public int Total => first.Total;
        /// <summary>It sent fewer than asked: nothing further matches.</summary>
        public bool Exhausted { get; private set; } = first.Ids.Length < asked;

        public async Task More(Func<int, string?, int, Task<PartitionPage>> fetch)
        {
            asked *= 2;
            var next = await fetch(partition, Ids[^1], asked);
            Ids.AddRange(next.Ids);
            Exhausted = next.Ids.Length < asked;
        }
    }
}
