namespace AccessGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EnrollmentTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly Scenario _s = new(fixture.Client);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _s.EraseAll();

    [RealFacesFact]
    public async Task A_single_clear_face_becomes_a_template_with_its_quality()
    {
        var staff = await _s.Enrolled(0);
        var profile = await staff.GetProfile();
        Assert.NotNull(profile);
        var template = Assert.Single(profile.Templates);
        Assert.True(template.Quality.SizePx > 50);
        Assert.Single(await staff.GetTemplates());
    }

    [RealFacesFact]
    public async Task Several_pictures_of_one_person_are_kept_as_several_templates()
    {
        var staff = await _s.Enrolled(1);
        var second = await staff.Enroll(await _s.Frame(FacePictures.Get(1).Probe));
        Assert.True(second.Accepted, second.Message);
        Assert.Equal(2, second.TemplateCount);
    }

    [RealFacesFact]
    public async Task Gates_refuse_with_a_machine_readable_reason()
    {
        var staff = _s.Staff(ClusterFixture.NewId("gates"));
        await staff.Create("Gatekeeper");

        Assert.Equal(EnrollmentRejection.BadImage, (await staff.Enroll(await _s.Frame([0x01, 0x02, 0x03, 0x04]))).Rejection);
        Assert.Equal(EnrollmentRejection.BadImage, (await staff.Enroll(await _s.Frame([]))).Rejection);
        Assert.Equal(EnrollmentRejection.NoFace, (await staff.Enroll(await _s.Frame(FacePictures.Blank()))).Rejection);
        var group = await staff.Enroll(await _s.Frame(FacePictures.Group()));
        Assert.Equal(EnrollmentRejection.SeveralFaces, group.Rejection);
        Assert.Contains("faces", group.Message);
        Assert.Equal(EnrollmentRejection.TooSmall, (await staff.Enroll(await _s.Frame(FacePictures.Shrunk(2, 60)))).Rejection);
        Assert.Equal(EnrollmentRejection.TooBlurry, (await staff.Enroll(await _s.Frame(FacePictures.Blurred(2, 3)))).Rejection);

        Assert.Empty((await staff.GetProfile())!.Templates); // no partial writes
    }

    [RealFacesFact]
    public async Task A_face_already_enrolled_as_someone_else_is_refused()
    {
        var first = await _s.Enrolled(3);
        var impostor = _s.Staff(ClusterFixture.NewId("twin"));
        await impostor.Create("Twin");

        var result = await impostor.Enroll(await _s.Frame(FacePictures.Get(3).Probe));

        Assert.Equal(EnrollmentRejection.AlreadyEnrolledAsOther, result.Rejection);
        Assert.Equal(first.GetPrimaryKeyString(), result.ConflictingStaffId);
        Assert.Empty(await impostor.GetTemplates());
    }

    [RealFacesFact]
    public void The_demo_photos_give_enough_distinct_people() => Assert.InRange(FacePictures.Count, 14, 20);

    [Fact]
    public async Task Enrolling_an_unknown_person_is_a_typed_not_found()
    {
        var frame = new AnalysedFrame(FrameProblem.NoFace, null, 0, 0, [], 0);
        var ex = await Assert.ThrowsAsync<AccessGridException>(() => _s.Staff(ClusterFixture.NewId("ghost")).Enroll(frame).AsTask());
        Assert.Equal(AccessGridError.NotFound, ex.Kind);
        Assert.Equal("unknown_staff", ex.Reason);
    }

    [Fact]
    public async Task Creating_twice_or_with_a_bad_id_or_name_is_refused()
    {
        var staff = _s.Staff(ClusterFixture.NewId("dup"));
        await staff.Create("Once");
        Assert.Equal(AccessGridError.Conflict, (await Assert.ThrowsAsync<AccessGridException>(() => staff.Create("Twice").AsTask())).Kind);
        Assert.Equal(AccessGridError.Invalid, (await Assert.ThrowsAsync<AccessGridException>(() => _s.Staff("bad/id").Create("X").AsTask())).Kind);
        Assert.Equal(AccessGridError.Invalid, (await Assert.ThrowsAsync<AccessGridException>(() => _s.Staff(ClusterFixture.NewId("noname")).Create(" ").AsTask())).Kind);
    }
}
