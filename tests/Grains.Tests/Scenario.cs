namespace AccessGrid.Grains.Tests;

/// <summary>Short-hands the grain tests share: a door, a person enrolled from a real face, a grant. Every test
/// shares one gallery, so the people a test creates are erased when it ends.</summary>
public sealed class Scenario(IClusterClient client)
{
    private readonly List<IStaffGrain> _created = [];

    public async Task EraseAll()
    {
        foreach (var staff in _created) await staff.Erase();
        _created.Clear();
    }

    public IDoorGrain Door(string id) => client.GetGrain<IDoorGrain>(id);

    /// <summary>The image analysed as the gateway does it: by a silo's frame analyzer (needs the models).</summary>
    public async Task<AnalysedFrame> Frame(byte[] image) => await client.GetGrain<IFrameAnalyzerGrain>(0).Analyze(image);

    /// <summary>The image analysed with a JPEG of its primary face, as the gateway asks for it at enrollment and at a
    /// door that keeps decision snapshots.</summary>
    public async Task<AnalysedFrame> FrameWithFace(byte[] image) => await client.GetGrain<IFrameAnalyzerGrain>(0).Analyze(image, faceJpeg: true);
    /// <summary>A staff grain, erased at the end of the test.</summary>
    public IStaffGrain Staff(string id)
    {
        var staff = client.GetGrain<IStaffGrain>(id);
        lock (_created) _created.Add(staff);
        return staff;
    }

    public async Task<IDoorGrain> NewDoor(string zone = "lobby", DoorMode mode = DoorMode.Both)
    {
        var door = Door(ClusterFixture.NewId("door"));
        await door.Create("Test door", zone, mode, LivenessPolicy.Off); // stills, not camera frames
        return door;
    }

    /// <summary>Creates a person and enrolls the demo face number <paramref name="face"/>; fails the test if it is refused.</summary>
    public async Task<IStaffGrain> Enrolled(int face, string? id = null)
    {
        var staff = Staff(id ?? ClusterFixture.NewId("staff"));
        await staff.Create($"Person {face}");
        var result = await staff.Enroll(await Frame(FacePictures.Get(face).Enrollment));
        Assert.True(result.Accepted, $"face {face} ({FacePictures.Get(face).Source}) refused: {result.Rejection} {result.Message}");
        return staff;
    }

    public async Task<IStaffGrain> EnrolledAndGranted(int face, IDoorGrain door, GrantTerms? terms = null)
    {
        var staff = await Enrolled(face);
        await staff.SetGrant(GrantScope.Door, door.GetPrimaryKeyString(), terms ?? GrantTerms.Always);
        return staff;
    }
}
