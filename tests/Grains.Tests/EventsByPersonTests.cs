namespace AccessGrid.Grains.Tests;

/// <summary>Events searched by person: everyone the directory finds for the text, merged newest first; a text that
/// matches more than <see cref="AuditQuery.MaxPeople"/> people is refused, not guessed.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EventsByPersonTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_person_search_returns_the_events_of_everyone_it_finds_newest_first()
    {
        var word = ClusterFixture.NewId("w")[2..];
        var ids = new[] { ClusterFixture.NewId("ev"), ClusterFixture.NewId("ev") };
        foreach (var id in ids) await fixture.Client.GetGrain<IStaffGrain>(id).Create($"Ödön {word}");
        var audit = fixture.Client.GetGrain<IAuditLogGrain>(0);

        var events = await audit.Query(new AuditQuery(Person: $"odon {word[..6]}", Kind: AuditKind.Change));

        Assert.Equal(ids.Order(), events.Where(e => e.Action == "staff.created").Select(e => e.StaffId!).Order());
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Timestamp >= p.Second.Timestamp));
        Assert.Empty(await audit.Query(new AuditQuery(Person: $"nobody {word}")));
        foreach (var id in ids) await fixture.Client.GetGrain<IStaffGrain>(id).Erase();
    }

    [Fact]
    public async Task A_search_matching_too_many_people_or_mixed_with_an_exact_id_is_invalid_query()
    {
        var word = ClusterFixture.NewId("c")[2..];
        var ids = Enumerable.Range(0, AuditQuery.MaxPeople + 1).Select(_ => ClusterFixture.NewId("crowd")).ToArray();
        await Task.WhenAll(ids.Select(id => fixture.Client.GetGrain<IStaffGrain>(id).Create($"Crowd {word}").AsTask()));
        var audit = fixture.Client.GetGrain<IAuditLogGrain>(0);

        var tooMany = await Assert.ThrowsAsync<AccessGridException>(() => audit.Query(new AuditQuery(Person: word)).AsTask());
        Assert.Equal("invalid_query", tooMany.Reason);
        Assert.Contains($"{AuditQuery.MaxPeople + 1} people", tooMany.Message);
        var both = await Assert.ThrowsAsync<AccessGridException>(() => audit.Query(new AuditQuery(StaffId: ids[0], Person: word)).AsTask());
        Assert.Equal("invalid_query", both.Reason);
        await Task.WhenAll(ids.Select(id => fixture.Client.GetGrain<IStaffGrain>(id).Erase().AsTask()));
    }
}
