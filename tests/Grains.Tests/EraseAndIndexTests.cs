using System.Runtime.InteropServices;

namespace AccessGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EraseAndIndexTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly Scenario _s = new(fixture.Client);
    private FaceIndex Index => new(fixture.Client, ClusterFixture.IndexShards);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _s.EraseAll();

    [RealFacesFact]
    public async Task Erase_removes_the_person_from_state_every_shard_and_every_snapshot_but_audit_keeps_the_id()
    {
        var door = await _s.NewDoor();
        var staff = await _s.EnrolledAndGranted(3, door);
        var id = staff.GetPrimaryKeyString();
        var embedding = (await staff.GetTemplates())[0].Embedding;
        // Deactivating the shard saves its snapshot now (no waiting for the delayed one): an old snapshot holds the encoding.
        await fixture.Cluster.DeactivateAsync(Index.ShardOf(id));
        Assert.True(await SnapshotsContain(embedding));

        Assert.True(await staff.Erase());

        Assert.Null(await staff.GetProfile());
        Assert.Empty(await staff.GetTemplates());
        Assert.Empty((await fixture.Client.GetGrain<IStaffDirectoryGrain>(0).Find(new StaffQuery(Text: id))).Ids);
        Assert.DoesNotContain((await Index.Search(embedding, 10)).Hits, h => h.StaffId == id);
        Assert.False(await SnapshotsContain(embedding));
        Assert.Equal(DecisionReason.UnknownFace, (await door.Access(await _s.Frame(FacePictures.Get(3).Probe))).Reason);
        var audit = await fixture.Client.GetGrain<IAuditLogGrain>(0).Query(new AuditQuery(StaffId: id));
        Assert.Contains(audit, e => e.Action == "staff.erased");
        Assert.False(await staff.Erase());
    }

    [RealFacesFact]
    public async Task A_shard_rebuilds_from_staff_state_when_its_snapshot_is_missing()
    {
        var staff = await _s.Enrolled(4);
        var id = staff.GetPrimaryKeyString();
        var embedding = (await staff.GetTemplates())[0].Embedding;
        var number = FaceIndex.ShardNumber(id, ClusterFixture.IndexShards);
        var shard = Index.ShardOf(id);

        // Deactivation saves a snapshot on the way out; deleting it afterwards leaves the next activation without one.
        await fixture.Cluster.DeactivateAsync(shard);
        await fixture.Snapshots.Delete(number);

        var stats = await shard.GetStats();
        Assert.True(stats.RebuiltFromStaff);
        Assert.NotNull(await Snapshot(number)); // and snapshotted again
        var hit = (await Index.Search(embedding, 1)).Hits[0];
        Assert.Equal(id, hit.StaffId);
        Assert.InRange(hit.Distance, 0f, 1e-3f);
    }

    [Fact]
    public async Task A_shard_reloads_an_up_to_date_snapshot_and_rebuilds_a_stale_one()
    {
        var shard = fixture.Client.GetGrain<IFaceIndexShardGrain>(1000 + Random.Shared.Next(1000));
        var staffId = ClusterFixture.NewId("synthetic");
        await shard.SetTemplates(staffId, [Template(1)]);
        await fixture.Cluster.DeactivateAsync(shard); // saves a snapshot on the way out
        var reloaded = await shard.GetStats();
        Assert.False(reloaded.RebuiltFromStaff);
        Assert.Equal(1, reloaded.Templates);

        // A snapshot from an older generation (a crash between the state write and the snapshot) is not trusted.
        var old = (await Snapshot(reloaded.Shard))!;
        await shard.SetTemplates(staffId, [Template(1), Template(2)]);
        await fixture.Cluster.DeactivateAsync(shard);
        await fixture.Snapshots.Write(reloaded.Shard, 0, new MemoryStream(old));
        var rebuilt = await shard.GetStats();
        Assert.True(rebuilt.RebuiltFromStaff);
        Assert.Equal(0, rebuilt.Templates); // the synthetic person has no staff grain to rebuild from
    }

    [Fact]
    public async Task Concurrent_writes_to_one_shard_are_serialised_and_none_is_lost()
    {
        var shard = fixture.Client.GetGrain<IFaceIndexShardGrain>(3000 + Random.Shared.Next(1000));
        var people = Enumerable.Range(0, 40).Select(i => ($"p{i}", Template(i))).ToArray();
        var before = await shard.GetStats();

        await Task.WhenAll(people.Select(p => shard.SetTemplates(p.Item1, [p.Item2]).AsTask()));

        var stats = await shard.GetStats();
        Assert.Equal(40, stats.Identities);
        Assert.Equal(before.Generation + 40, stats.Generation);
        foreach (var (id, template) in people)
        {
            var hit = (await shard.Search(template.Embedding, 1)).Hits.Single();
            Assert.Equal(id, hit.StaffId);
            Assert.Equal(template.TemplateId, hit.TemplateId);
        }
    }

    [Fact]
    public async Task Searches_fan_out_to_every_shard_and_merge_nearest_first()
    {
        var near = ClusterFixture.NewId("near");
        var far = Enumerable.Range(0, 100).Select(_ => ClusterFixture.NewId("far")).First(id => Index.ShardOf(id).GetPrimaryKeyLong() != Index.ShardOf(near).GetPrimaryKeyLong());
        await Index.ShardOf(near).SetTemplates(near, [Template(7)]);
        await Index.ShardOf(far).SetTemplates(far, [Template(8)]);
        try
        {
            var query = Template(7).Embedding;
            var hits = (await Index.Search(query, 50)).Hits.Where(h => h.StaffId == near || h.StaffId == far).ToArray();

            Assert.Equal([near, far], hits.Select(h => h.StaffId));
            Assert.InRange(hits[0].Distance, 0f, 1e-3f);
        }
        finally
        {
            await Index.RemoveEverywhere(near);
            await Index.RemoveEverywhere(far);
        }
    }

    [Fact]
    public void Staff_ids_spread_over_every_shard()
    {
        var shards = Enumerable.Range(0, 100).Select(i => FaceIndex.ShardNumber($"staff-{i}", 3)).ToArray();
        Assert.Equal([0, 1, 2], shards.Distinct().Order());
    }

    /// <summary>Every silo, every process and every release must route a person to the same shard: the values are
    /// fixed here (FNV-1a 32-bit over UTF-16 code units), not recomputed.</summary>
    [Theory]
    [InlineData("younes", 4, 2)]
    [InlineData("younes", 8, 6)]
    [InlineData("staff-0", 4, 0)]
    [InlineData("andrew", 5, 0)]
    [InlineData("Ünïcode-ß", 7, 6)]
    public void The_shard_of_a_staff_id_never_changes(string staffId, int shardCount, int expected) =>
        Assert.Equal(expected, FaceIndex.ShardNumber(staffId, shardCount));

    [Fact]
    public async Task Index_administration_covers_every_configured_shard()
    {
        var index = fixture.Client.GetGrain<IFaceIndexGrain>(0);

        var stats = await index.GetStats();
        var rebuilt = await index.Rebuild();

        Assert.Equal(Enumerable.Range(0, ClusterFixture.IndexShards), stats.Select(s => s.Shard));
        Assert.Equal(Enumerable.Range(0, ClusterFixture.IndexShards), rebuilt.Select(s => s.Shard));
        Assert.All(rebuilt, s => Assert.True(s.RebuiltFromStaff));
    }

    private async Task<bool> SnapshotsContain(float[] embedding)
    {
        var needle = MemoryMarshal.AsBytes(embedding.AsSpan()).ToArray();
        var snapshots = await Task.WhenAll(Enumerable.Range(0, ClusterFixture.IndexShards).Select(Snapshot));
        return snapshots.Any(bytes => bytes is not null && bytes.AsSpan().IndexOf(needle) >= 0);
    }

    /// <summary>A shard's stored snapshot, read as the shard reads it; null when there is none.</summary>
    private async Task<byte[]?> Snapshot(int shard)
    {
        await using var stream = await fixture.Snapshots.OpenRead(shard);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A deterministic unit vector standing in for an encoding (index mechanics do not need a face).</summary>
    internal static FaceTemplate Template(int seed)
    {
        var random = new Random(seed);
        var v = new float[ShardIndex.Dimensions];
        for (var i = 0; i < v.Length; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return new FaceTemplate(new Guid(random.NextBytes16()), v, new TemplateQuality(1, 100, 100, 0.5f, 0, 0), DateTimeOffset.UnixEpoch);
    }
}

internal static class RandomExtensions
{
    public static byte[] NextBytes16(this Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }
}
