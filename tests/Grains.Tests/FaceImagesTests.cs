using SkiaSharp;

namespace AccessGrid.Grains.Tests;

/// <summary>Decision snapshots (per door opt-in, denials only) and enrollment thumbnails: kept where they should be,
/// linked from the decision, deleted with the template, with every face and by erasure.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FaceImagesTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly Scenario _s = new(fixture.Client);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _s.EraseAll();

    [RealFacesFact]
    public async Task A_door_that_keeps_snapshots_keeps_a_small_jpeg_of_an_unknown_face_linked_from_its_audit_entry()
    {
        var door = await _s.NewDoor();
        Assert.False((await door.GetInfo())!.Snapshots); // off by default
        Assert.True((await door.SetSnapshots(true)).Snapshots);

        var decision = await door.Access(await _s.FrameWithFace(FacePictures.Get(7).Probe));

        Assert.Equal(DecisionReason.UnknownFace, decision.Reason);
        Assert.Equal(decision.EventId, decision.SnapshotId);
        var jpeg = await fixture.Faces.GetSnapshot(decision.EventId);
        Assert.NotNull(jpeg);
        using (var picture = SKBitmap.Decode(jpeg))
        {
            Assert.InRange(Math.Max(picture.Width, picture.Height), 32, Vision.FaceThumbnail.MaxSide);
        }
        Assert.InRange(jpeg!.Length, 500, 20_000);
        var audited = await fixture.Client.GetGrain<IAuditLogGrain>(0).Query(new AuditQuery(DoorId: door.GetPrimaryKeyString(), Kind: AuditKind.Decision));
        Assert.Equal(decision.EventId, Assert.Single(audited).Decision!.SnapshotId);
        Assert.Equal(jpeg, await fixture.Client.GetGrain<IFaceImagesGrain>(0).GetSnapshot(decision.EventId));
    }

    [RealFacesFact]
    public async Task No_snapshot_without_the_door_opting_in_for_a_granted_person_or_without_a_face()
    {
        var door = await _s.NewDoor();
        var unasked = await door.Access(await _s.FrameWithFace(FacePictures.Get(7).Probe));
        Assert.Null(unasked.SnapshotId);
        Assert.Null(await fixture.Faces.GetSnapshot(unasked.EventId));

        await door.SetSnapshots(true);
        await _s.EnrolledAndGranted(4, door);
        var granted = await door.Access(await _s.FrameWithFace(FacePictures.Get(4).Probe));
        Assert.Equal(DecisionOutcome.Granted, granted.Outcome);
        Assert.Null(granted.SnapshotId);
        Assert.Null(await fixture.Faces.GetSnapshot(granted.EventId));

        var empty = await door.Access(await _s.FrameWithFace(FacePictures.Blank()));
        Assert.Equal(DecisionReason.NoFace, empty.Reason);
        Assert.Null(empty.SnapshotId);

        // Renaming the door keeps its consent setting.
        Assert.True((await door.Update("Renamed", "lobby", null, null)).Snapshots);
    }

    [RealFacesFact]
    public async Task Enrollment_keeps_a_thumbnail_per_template_and_removing_one_template_removes_it_its_encoding_and_index_entry()
    {
        var staff = _s.Staff(ClusterFixture.NewId("thumb"));
        await staff.Create("Thumbnail person");
        var first = await staff.Enroll(await _s.FrameWithFace(FacePictures.Get(8).Enrollment));
        var second = await staff.Enroll(await _s.FrameWithFace(FacePictures.Get(8).Probe));
        Assert.True(first.Accepted && second.Accepted, $"{first.Message} / {second.Message}");
        var id = staff.GetPrimaryKeyString();
        var (one, two) = (first.Template!.TemplateId, second.Template!.TemplateId);
        Assert.True(first.Template.Thumbnail);
        Assert.NotNull(await fixture.Faces.GetThumbnail(id, one));
        Assert.NotNull(await fixture.Faces.GetThumbnail(id, two));
        var removedEncoding = (await staff.GetTemplates()).Single(t => t.TemplateId == one).Embedding;

        Assert.True(await staff.RemoveFace(one));

        Assert.Null(await fixture.Faces.GetThumbnail(id, one));
        Assert.NotNull(await fixture.Faces.GetThumbnail(id, two));
        Assert.Equal([two], (await staff.GetProfile())!.Templates.Select(f => f.TemplateId));
        var hit = (await new FaceIndex(fixture.Client, ClusterFixture.IndexShards).Search(removedEncoding, 1)).Hits.Single();
        Assert.Equal(id, hit.StaffId);
        Assert.True(hit.Distance > 1e-3f, "the removed template is still in the index");
        Assert.False(await staff.RemoveFace(one));

        Assert.Equal(1, await staff.RemoveFaces());
        Assert.Null(await fixture.Faces.GetThumbnail(id, two));
    }

    [RealFacesFact]
    public async Task Erasure_deletes_the_persons_thumbnails_and_the_snapshots_of_decisions_that_named_them_but_not_a_strangers()
    {
        var door = await _s.NewDoor();
        await door.SetSnapshots(true);
        var staff = _s.Staff(ClusterFixture.NewId("erased"));
        await staff.Create("Erased person");
        var enrolled = await staff.Enroll(await _s.FrameWithFace(FacePictures.Get(9).Enrollment));
        Assert.True(enrolled.Accepted, enrolled.Message);
        var id = staff.GetPrimaryKeyString();

        var named = await door.Access(await _s.FrameWithFace(FacePictures.Get(9).Probe)); // enrolled, no grant
        var stranger = await door.Access(await _s.FrameWithFace(FacePictures.Get(7).Probe));
        Assert.Equal((DecisionReason.NoGrant, id), (named.Reason, named.StaffId));
        Assert.NotNull(named.SnapshotId);
        Assert.NotNull(stranger.SnapshotId);

        Assert.True(await staff.Erase());

        Assert.Null(await fixture.Faces.GetThumbnail(id, enrolled.Template!.TemplateId));
        Assert.Null(await fixture.Faces.GetSnapshot(named.EventId));
        Assert.NotNull(await fixture.Faces.GetSnapshot(stranger.EventId)); // nobody's: it expires with retention
        // The audit keeps both decisions; only the stranger's still links a picture.
        var audited = await fixture.Client.GetGrain<IAuditLogGrain>(0).Query(new AuditQuery(DoorId: door.GetPrimaryKeyString(), Kind: AuditKind.Decision));
        Assert.Equal([stranger.EventId], audited.Select(e => e.Decision!.SnapshotId).OfType<string>());
    }
}
