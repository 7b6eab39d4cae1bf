using Microsoft.Extensions.Time.Testing;

namespace AccessGrid.Grains.Tests;

/// <summary>Archival and retention on a fake clock: closed days move into archive blobs and stay verifiable and
/// queryable, a tampered or missing archive is found, and days past the retention go whole without breaking the check.</summary>
public sealed class AuditArchiverTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly InMemoryAuditStore _store = new();
    private readonly InMemoryAuditArchive _archive = new();
    private readonly FakeTimeProvider _clock = new(Day0);
    private readonly AuditRetention _retention = new() { RetentionDays = 30 };

    public AuditArchiverTests()
    {
        string? previous = null;
        for (var day = 0; day < 5; day++)
        {
            var chain = AuditChain.Of(Day0.AddDays(day));
            var head = new AuditChainHead(chain, 0, AuditChain.Genesis, previous);
            var entries = new List<AuditEntry>();
            for (var i = 0; i < 3; i++)
            {
                var entry = AuditChain.Seal(new AuditEntry($"{chain}-{i}", Day0.AddDays(day).AddMinutes(i), AuditKind.Change, "test.note",
                    "door-1", i == 0 ? "ada" : null, $"note {i}", null, AuditActor.System), head);
                head = AuditChain.Advance(head, entry);
                entries.Add(entry);
            }
            _store.Append(entries, head).GetAwaiter().GetResult();
            previous = chain;
        }
        _clock.SetUtcNow(Day0.AddDays(4).AddHours(2)); // days 0..2 closed more than a day ago, day 3 yesterday, day 4 today
    }

    private Task<AuditHousekeepingReport> Run() => new AuditArchiver(_store, _archive, _retention, _clock).Run();

    private Task<AuditVerification> Verify() => new AuditVerifier(_store, _clock, _archive, _retention).Verify();

    private static string Chain(int day) => AuditChain.Of(Day0.AddDays(day));

    [Fact]
    public async Task Closed_days_move_to_the_archive_and_stay_verifiable_and_queryable()
    {
        var report = await Run();

        Assert.Equal([Chain(0), Chain(1), Chain(2)], report.Archived);
        Assert.Empty(report.Expired);
        Assert.Equal(6, _store.Rows.Count); // yesterday and today stay hot
        Assert.Equal(5, _store.Heads.Count); // every head stays hot
        var verified = await Verify();
        Assert.True(verified.Intact, verified.FirstBreak?.Problem);
        Assert.Equal((5, 15L), (verified.Chains, verified.Entries));

        var all = await AuditReader.Query(_store, _archive, new AuditQuery(Limit: 1000));
        Assert.Equal(15, all.Length);
        Assert.Equal(all.OrderByDescending(e => e.Timestamp).Select(e => e.EventId), all.Select(e => e.EventId));
        var adaOnDay1 = await AuditReader.Query(_store, _archive, new AuditQuery(StaffId: "ada", From: Day0.AddDays(1), To: Day0.AddDays(2)));
        Assert.Equal($"{Chain(1)}-0", Assert.Single(adaOnDay1).EventId);
        Assert.Empty((await Run()).Archived); // idempotent
    }

    [Fact]
    public async Task An_edited_replaced_or_deleted_archive_blob_is_found()
    {
        await Run();
        var original = _archive.Blobs[Chain(1)];

        var edited = original.Entries.ToArray();
        edited[1] = edited[1] with { Detail = "n0te" };
        _archive.Blobs[Chain(1)] = original with { Entries = edited };
        Assert.Contains("altered", (await Verify()).FirstBreak?.Problem);

        // A consistent forged chain of the same length still ends on a different last hash than the hot head.
        var forgedHead = new AuditChainHead(Chain(1), 0, AuditChain.Genesis, Chain(0));
        var forged = new List<AuditEntry>();
        foreach (var entry in original.Entries)
        {
            var resealed = AuditChain.Seal(entry with { Detail = "forged" }, forgedHead);
            forgedHead = AuditChain.Advance(forgedHead, resealed);
            forged.Add(resealed);
        }
        _archive.Blobs[Chain(1)] = original with { Entries = [.. forged] };
        Assert.False((await Verify()).Intact);
        _archive.Blobs[Chain(1)] = new ArchivedAuditDay(forgedHead, [.. forged]);
        Assert.Contains("different head", (await Verify()).FirstBreak?.Problem);

        _archive.Blobs.TryRemove(Chain(1), out _);
        var missing = await Verify();
        Assert.False(missing.Intact);

        _archive.Blobs[Chain(1)] = original;
        Assert.True((await Verify()).Intact);
    }

    [Fact]
    public async Task Days_past_the_retention_are_deleted_whole_and_the_chain_still_verifies()
    {
        await Run();
        _clock.SetUtcNow(Day0.AddDays(32).AddHours(1)); // horizon = day 2: days 0 and 1 expire

        var report = await Run();

        Assert.Equal([Chain(0), Chain(1)], report.Expired.Select(h => h.Chain));
        Assert.Equal(3, report.Expired[0].Count);
        Assert.False(_archive.Blobs.ContainsKey(Chain(0)) || _archive.Blobs.ContainsKey(Chain(1)));
        Assert.False(_store.Heads.ContainsKey(Chain(0)) || _store.Heads.ContainsKey(Chain(1)));
        Assert.Contains(Chain(3), report.Archived); // and the two days that closed meanwhile
        var verified = await Verify();
        Assert.True(verified.Intact, verified.FirstBreak?.Problem);
        Assert.Equal((3, 9L), (verified.Chains, verified.Entries));

        // A day inside the retention whose head goes missing is still a break.
        _store.Heads.Remove(Chain(2));
        Assert.False((await Verify()).Intact);
    }
}
