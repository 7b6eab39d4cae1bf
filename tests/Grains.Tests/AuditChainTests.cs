namespace AccessGrid.Grains.Tests;

/// <summary>The audit chain end to end through the cluster (both silos append; one writer per day chain), then
/// tampered with directly in the in-memory store: every single-row edit, deletion and swap must be found.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AuditChainTests(ClusterFixture fixture)
{
    private IAuditLogGrain Log => fixture.Client.GetGrain<IAuditLogGrain>(0);

    [Fact]
    public async Task Concurrent_appends_from_every_silo_form_one_intact_chain_per_day()
    {
        await Task.WhenAll(Enumerable.Range(0, 120).Select(i => Log.Append(Entry(DateTimeOffset.UtcNow.AddDays(-(i % 2)), $"parallel {i}")).AsTask()));

        var report = await Log.Verify();

        Assert.True(report.Intact, report.FirstBreak?.Problem);
        Assert.True(report.Chains >= 2 && report.Entries >= 120, $"{report.Chains} chains, {report.Entries} entries");
        var mine = fixture.Audit.Rows.Select(r => r.Value).Where(e => e.Detail?.StartsWith("parallel ", StringComparison.Ordinal) == true).ToArray();
        Assert.Equal(120, mine.Length);
        Assert.All(mine, e => Assert.NotNull(e.Seal));
    }

    [Fact]
    public async Task Every_single_row_edit_deletion_and_swap_is_found()
    {
        for (var i = 0; i < 6; i++) await Log.Append(Entry(DateTimeOffset.UtcNow.AddDays(-(i % 2)), $"tamper {i}"));
        Assert.True((await Log.Verify()).Intact);
        var rows = fixture.Audit.Rows;

        for (var i = 0; i < rows.Count; i++)
        {
            var original = rows[i];
            var entry = original.Value;

            rows[i] = new(original.Key, entry with { Detail = entry.Detail + "!" });
            await AssertBroken($"edit of row {i}");
            // A careful forger re-seals the edited row so that its own hash fits: the next link or the head breaks.
            rows[i] = new(original.Key, entry.Seal is null ? entry : AuditChain.Seal(entry with { Detail = "forged" },
                new AuditChainHead(entry.Seal.Chain, entry.Seal.Sequence, entry.Seal.PreviousHash, null)));
            if (entry.Seal is not null) await AssertBroken($"re-sealed edit of row {i}");

            rows.RemoveAt(i);
            if (entry.Seal is not null) await AssertBroken($"deletion of row {i}");
            rows.Insert(i, original);

            if (i + 1 < rows.Count)
            {
                var next = rows[i + 1];
                (rows[i], rows[i + 1]) = (new(original.Key, next.Value), new(next.Key, entry));
                await AssertBroken($"swap of rows {i} and {i + 1}");
                (rows[i], rows[i + 1]) = (original, next);
            }
        }

        foreach (var chain in fixture.Audit.Heads.Keys.ToArray())
        {
            var head = fixture.Audit.Heads[chain];
            fixture.Audit.Heads.Remove(chain);
            await AssertBroken($"deletion of head {chain}");
            fixture.Audit.Heads[chain] = head with { Count = head.Count - 1 };
            await AssertBroken($"head {chain} set back by one entry");
            fixture.Audit.Heads[chain] = head;
        }
        Assert.True((await Log.Verify()).Intact);
    }

    [Fact]
    public async Task A_change_records_the_key_behind_the_request_and_system_otherwise()
    {
        AuditActors.Set("abc123def456", "Front desk");
        try
        {
            await Log.Append(Entry(DateTimeOffset.UtcNow, "by a key") with { Actor = null });
            var door = await new Scenario(fixture.Client).NewDoor();
            var entries = await Log.Query(new AuditQuery(DoorId: door.GetPrimaryKeyString()));
            Assert.Equal(new AuditActor("abc123def456", "Front desk"), Assert.Single(entries).Actor);
        }
        finally
        {
            RequestContext.Clear();
        }
        var bySystem = await new Scenario(fixture.Client).NewDoor();
        Assert.Equal(AuditActor.System, Assert.Single(await Log.Query(new AuditQuery(DoorId: bySystem.GetPrimaryKeyString()))).Actor);
    }

    private async Task AssertBroken(string what)
    {
        var report = await Log.Verify();
        Assert.False(report.Intact, $"{what} went unnoticed");
    }

    private static AuditEntry Entry(DateTimeOffset at, string detail) =>
        new(Guid.NewGuid().ToString("N"), at, AuditKind.Change, "test.note", null, null, detail, null, AuditActor.System);
}
