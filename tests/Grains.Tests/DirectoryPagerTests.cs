namespace AccessGrid.Grains.Tests;

/// <summary>The merge of partition answers against the plain answer: sort everyone, filter, skip, take.</summary>
public sealed class DirectoryPagerTests
{
    private static readonly string[] Given = ["Ana", "Anabel", "Bo", "Zoë", "Jean-Luc", "Émile", "Li"];
    private static readonly string[] Family = ["Ng", "Nguyen", "Smith", "Ångström", "Dupont", "Okafor"];

    [Theory]
    [InlineData(1, 0)]
    [InlineData(7, 0)]
    [InlineData(64, 11)]
    [InlineData(256, 3)]
    public async Task Pages_equal_the_sorted_filtered_list_for_any_partition_count(int partitions, int seed)
    {
        var random = new Random(seed);
        var people = Enumerable.Range(0, 700).Select(i => ($"p{random.Next(100_000):D5}-{i}", $"{Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]}"))
            .ToArray();
        var parts = Enumerable.Range(0, partitions).Select(_ => new DirectoryPartition([])).ToArray();
        foreach (var (id, name) in people) parts[FaceIndex.ShardNumber(id, partitions)].Put(id, name);

        foreach (var text in new[] { null, "an", "ana ng", "zoe", "P1", "emile okafor", "nobody" })
        {
            var match = StaffMatch.Parse(text);
            var expected = people.Where(p => match.Matches(p.Item1, StaffMatch.Words(p.Item2))).Select(p => p.Item1).Order(StringComparer.Ordinal).ToArray();
            foreach (var limit in new[] { 1, 13, 100, 1000 })
            {
                // Walk every page by cursor, and check one page by offset.
                var walked = new List<string>();
                string? cursor = null;
                do
                {
                    var page = await Page(parts, new StaffQuery(text, limit, cursor));
                    Assert.Equal(expected.Length, page.Total);
                    walked.AddRange(page.Ids);
                    cursor = page.Next;
                } while (cursor is not null);
                Assert.Equal(expected, walked);

                var skipped = await Page(parts, new StaffQuery(text, limit, Offset: 37));
                Assert.Equal(expected.Skip(37).Take(limit), skipped.Ids);
                Assert.Equal(expected.Length > 37 + limit ? skipped.Ids[^1] : null, skipped.Next);
            }
        }
    }

    [Fact]
    public void A_partition_finds_people_by_their_current_name_only()
    {
        var part = new DirectoryPartition([]);
        part.Put("Emp-1", "Zoë Ångström");
        part.Put("emp-2", "Jo Jones");
        part.Put("Emp-1", "Zoë Berg");
        Assert.Empty(part.Find(StaffMatch.Parse("angs"), null, 10).Ids);
        Assert.Equal(["Emp-1"], part.Find(StaffMatch.Parse("zoe be"), null, 10).Ids);
        var jo = part.Find(StaffMatch.Parse("jo"), null, 10); // two of his words start so: he counts once
        Assert.Equal(["emp-2"], jo.Ids);
        Assert.Equal(1, jo.Total);
        Assert.Equal(["Emp-1", "emp-2"], part.Find(StaffMatch.Parse("EMP"), null, 10).Ids);
        Assert.True(part.Remove("emp-2"));
        Assert.False(part.Remove("emp-2"));
        Assert.Empty(part.Find(StaffMatch.Parse("jones"), null, 10).Ids);
        Assert.Equal(1, part.Find(StaffMatch.Everyone, null, 10).Total);
    }

    [Fact]
    public async Task A_first_page_asks_each_partition_once_when_people_are_spread_evenly()
    {
        var parts = Enumerable.Range(0, 16).Select(_ => new DirectoryPartition([])).ToArray();
        for (var i = 0; i < 10_000; i++) parts[FaceIndex.ShardNumber($"emp-{i:D6}", 16)].Put($"emp-{i:D6}", $"Person {i}");
        var calls = 0;
        var page = await DirectoryPager.Page(16, (p, after, take) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(parts[p].Find(StaffMatch.Everyone, after, take));
        }, new StaffQuery(Limit: 100));
        Assert.Equal(100, page.Ids.Length);
        Assert.Equal(10_000, page.Total);
        Assert.Equal(16, calls);
    }

    [Fact]
    public void Queries_outside_the_rules_are_invalid_query()
    {
        foreach (var query in new StaffQuery[] { new(Limit: 0), new(Limit: 1001), new(Offset: -1), new(Offset: 10_001), new(After: "a b"), new(Text: new string('x', 201)) })
            Assert.Equal("invalid_query", Assert.Throws<AccessGridException>(() => StaffDirectoryGrain.Validate(query)).Reason);
        StaffDirectoryGrain.Validate(new StaffQuery("Zoë", 1000, "emp-1", 10_000));
    }

    private static Task<StaffIdPage> Page(DirectoryPartition[] parts, StaffQuery query) =>
        DirectoryPager.Page(parts.Length, (p, after, take) => Task.FromResult(parts[p].Find(StaffMatch.Parse(query.Text), after, take)), query);
}
