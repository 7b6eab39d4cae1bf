namespace AccessGrid.Grains.Tests;

/// <summary>Behaviour that only shows with more than one silo.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly Scenario _s = new(fixture.Client);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _s.EraseAll();

    [RealFacesFact]
    public async Task Doors_on_both_silos_see_the_same_gallery_and_grants()
    {
        Assert.Equal(2, fixture.Cluster.Silos.Count);
        var doors = new List<IDoorGrain>();
        for (var i = 0; i < 8; i++) doors.Add(await _s.NewDoor());
        var staff = await _s.Enrolled(5);
        foreach (var d in doors) await staff.SetGrant(GrantScope.Door, d.GetPrimaryKeyString(), GrantTerms.Always);

        var frame = await _s.Frame(FacePictures.Get(5).Probe);
        var decisions = await Task.WhenAll(doors.Select(d => d.Access(frame).AsTask()));

        Assert.All(decisions, d => Assert.Equal(DecisionReason.Identified, d.Reason));
        Assert.All(decisions, d => Assert.Equal(staff.GetPrimaryKeyString(), d.StaffId));
    }

    [RealFacesFact]
    public async Task Concurrent_enrollments_across_silos_all_land_in_the_index()
    {
        var people = Enumerable.Range(6, 4).ToArray();
        var staff = await Task.WhenAll(people.Select(face => _s.Enrolled(face)));
        var index = fixture.Client.GetGrain<IFaceIndexGrain>(0);
        for (var i = 0; i < people.Length; i++)
        {
            var hit = (await index.Search((await staff[i].GetTemplates())[0].Embedding, 1)).Hits[0];
            Assert.Equal(staff[i].GetPrimaryKeyString(), hit.StaffId);
        }
    }
}
