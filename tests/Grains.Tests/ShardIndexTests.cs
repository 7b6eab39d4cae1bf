namespace AccessGrid.Grains.Tests;

/// <summary>The shard's in-memory index without Orleans: search correctness against brute force, removal, snapshots.</summary>
public sealed class ShardIndexTests
{
    [Fact]
    public void Search_finds_the_exact_nearest_person_with_exact_distances()
    {
        using var index = new ShardIndex();
        var people = Enumerable.Range(0, 500).Select(i => (Id: $"p{i}", Templates: new[] { EraseAndIndexTests.Template(i), EraseAndIndexTests.Template(10_000 + i) })).ToArray();
        foreach (var p in people) index.SetTemplates(p.Id, p.Templates);
        Assert.Equal(500, index.Identities);
        Assert.Equal(1000, index.Templates);

        var random = new Random(42);
        for (var q = 0; q < 100; q++)
        {
            var query = Noisy(people[random.Next(people.Length)].Templates[random.Next(2)].Embedding, random, 0.3f);
            var expected = people
                .Select(p => (p.Id, Distance: p.Templates.Min(t => AccessGrid.Vision.FaceDistance.Euclidean(query, t.Embedding))))
                .OrderBy(x => x.Distance).Take(3).ToArray();

            var hits = index.Search(query, 3);

            Assert.Equal(expected.Select(e => e.Id), hits.Select(h => h.StaffId));
            for (var i = 0; i < 3; i++) Assert.Equal(expected[i].Distance, hits[i].Distance, 5);
        }
    }

    [Fact]
    public void Replacing_and_removing_templates_is_reflected_at_once_and_slots_are_reused()
    {
        using var index = new ShardIndex();
        var a = EraseAndIndexTests.Template(1);
        var b = EraseAndIndexTests.Template(2);
        index.SetTemplates("x", [a]);
        index.SetTemplates("x", [b]);
        Assert.Equal(1, index.Templates);
        Assert.Equal(b.TemplateId, index.Search(b.Embedding, 1).Single().TemplateId);

        Assert.True(index.RemoveStaff("x"));
        Assert.False(index.RemoveStaff("x"));
        Assert.Empty(index.Search(b.Embedding, 1));
        index.SetTemplates("y", [a]);
        Assert.Equal("y", index.Search(a.Embedding, 1).Single().StaffId);
    }

    [Fact]
    public void A_snapshot_round_trips_and_garbage_is_rejected_not_thrown()
    {
        using var index = new ShardIndex();
        for (var i = 0; i < 50; i++) index.SetTemplates($"p{i}", [EraseAndIndexTests.Template(i)]);
        index.RemoveStaff("p7");
        using var buffer = new MemoryStream();
        index.WriteSnapshot(buffer, generation: 12);

        buffer.Position = 0;
        var (loaded, generation) = ShardIndex.ReadSnapshot(buffer)!.Value;
        using (loaded)
        {
            Assert.Equal(12, generation);
            Assert.Equal(49, loaded.Identities);
            Assert.False(loaded.Contains("p7"));
            var probe = EraseAndIndexTests.Template(20);
            Assert.Equal(index.Search(probe.Embedding, 5), loaded.Search(probe.Embedding, 5));
            loaded.SetTemplates("new", [EraseAndIndexTests.Template(999)]); // a freed slot is reused without clashing
            Assert.Equal(50, loaded.Identities);
        }

        Assert.Null(ShardIndex.ReadSnapshot(new MemoryStream([1, 2, 3])));
        var truncated = buffer.ToArray()[..(int)(buffer.Length / 2)];
        Assert.Null(ShardIndex.ReadSnapshot(new MemoryStream(truncated)));
    }

    [Fact]
    public void A_wide_query_walks_a_wider_graph_and_still_ranks_exactly()
    {
        Assert.Equal(96, ShardIndex.Expansion(64));
        Assert.Equal(300, ShardIndex.Expansion(200));

        using var index = new ShardIndex();
        var people = Enumerable.Range(0, 500).Select(i => (Id: $"p{i}", Template: EraseAndIndexTests.Template(i))).ToArray();
        foreach (var p in people) index.SetTemplates(p.Id, [p.Template]);
        var query = Noisy(people[17].Template.Embedding, new Random(7), 0.3f);
        var expected = people.OrderBy(p => AccessGrid.Vision.FaceDistance.Euclidean(query, p.Template.Embedding)).Take(50).Select(p => p.Id);

        Assert.Equal(expected, index.Search(query, 50).Select(h => h.StaffId));
    }

    [Fact]
    public void Replacing_a_person_many_times_never_runs_out_of_graph_capacity()
    {
        using var index = new ShardIndex();
        for (var i = 0; i < 40; i++) index.SetTemplates($"p{i}", [EraseAndIndexTests.Template(i)]);
        for (var round = 0; round < 300; round++)
            index.SetTemplates($"p{round % 40}", [EraseAndIndexTests.Template(1000 + round), EraseAndIndexTests.Template(5000 + round)]);

        Assert.Equal(80, index.Templates);
        var last = EraseAndIndexTests.Template(1299);
        Assert.Equal(last.TemplateId, index.Search(last.Embedding, 1).Single().TemplateId);
    }

    [Fact]
    public void Encodings_of_the_wrong_size_or_with_nan_are_refused()
    {
        using var index = new ShardIndex();
        var bad = EraseAndIndexTests.Template(1) with { Embedding = new float[64] };
        Assert.Equal(AccessGridError.Invalid, Assert.Throws<AccessGridException>(() => index.SetTemplates("x", [bad])).Kind);
        var nan = new float[ShardIndex.Dimensions];
        nan[3] = float.NaN;
        Assert.Throws<AccessGridException>(() => index.Search(nan, 1));
        Assert.Equal(0, index.Templates);
    }

    private static float[] Noisy(float[] v, Random random, float amount)
    {
        var n = v.Select(x => x + (float)(random.NextDouble() * 2 - 1) * amount / MathF.Sqrt(v.Length)).ToArray();
        var norm = MathF.Sqrt(n.Sum(x => x * x));
        return n.Select(x => x / norm).ToArray();
    }
    [Fact]
    public void A_removed_person_is_in_no_later_snapshot_neither_as_float32_nor_in_the_graph_int8_form()
    {
        using var index = new ShardIndex();
        var erased = EraseAndIndexTests.Template(7);
        index.SetTemplates("erased", [erased]);
        for (var i = 0; i < 20; i++) index.SetTemplates($"p{i}", [EraseAndIndexTests.Template(100 + i)]);
        Assert.True(ContainsInt8Form(Snapshot(index), erased.Embedding)); // the search below can find it

        index.RemoveStaff("erased");
        var after = Snapshot(index);

        Assert.False(index.HoldsRemovedEntries);
        Assert.False(ContainsInt8Form(after, erased.Embedding));
        Assert.True(after.AsSpan().IndexOf(System.Runtime.InteropServices.MemoryMarshal.AsBytes(erased.Embedding.AsSpan())) < 0);
        Assert.Equal("p3", index.Search(EraseAndIndexTests.Template(103).Embedding, 1).Single().StaffId); // compaction kept the rest
    }

    private static byte[] Snapshot(ShardIndex index)
    {
        using var buffer = new MemoryStream();
        index.WriteSnapshot(buffer, generation: 1);
        return buffer.ToArray();
    }

    /// <summary>USearch stores a cosine int8 vector as x / |x| scaled to ±127: look for any 128-byte run within ±1 of it.</summary>
    private static bool ContainsInt8Form(byte[] bytes, float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        var q = vector.Select(v => (sbyte)Math.Clamp(MathF.Round(v / norm * 127), -127, 127)).ToArray();
        for (var at = 0; at + q.Length <= bytes.Length; at++)
        {
            var d = 0;
            while (d < q.Length && Math.Abs((sbyte)bytes[at + d] - q[d]) <= 1) d++;
            if (d == q.Length) return true;
        }
        return false;
    }
}
