using System.Net;
using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;
using SkiaSharp;

namespace AccessGrid.Gateway.Tests;

/// <summary>Decision snapshots and enrollment thumbnails over HTTP, against Azurite's blobs: the door's consent
/// switch, who may see which picture, the private no-store answers, per-photo delete and erasure.</summary>
[Collection(GatewayCollection.Name)]
public sealed class FaceImagesApiTests(GatewayFixture fixture)
{
    private static byte[] Portrait => TestImages.Sample(2);
    private static byte[] LaterFrame => TestImages.Rescaled(TestImages.Sample(2), 0.6f, quality: 80);

    [Fact]
    public async Task A_door_opted_in_keeps_the_unknown_face_which_guards_see_privately_and_readers_never()
    {
        var door = TestIds.New("door");
        Assert.False((await fixture.Admin.CreateDoor(door)).Snapshots);
        using var guard = fixture.Client(await fixture.Admin.CreateKey("guard"));
        using var reader = fixture.Client(await fixture.Admin.CreateKey("reader", door));
        await (await guard.PutJson($"/api/doors/{door}/snapshots", new { enabled = true })).ShouldBe(HttpStatusCode.Forbidden);
        await (await fixture.Admin.PutJson($"/api/doors/{door}/snapshots", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_request");
        var info = await (await fixture.Admin.PutJson($"/api/doors/{door}/snapshots", new { enabled = true })).Read<DoorInfo>();
        Assert.True(info.Snapshots);

        var decision = await reader.Access(door, LaterFrame);
        Assert.Equal(DecisionReason.UnknownFace, decision.Reason);
        var audited = (await (await guard.GetAsync($"/api/events?doorId={door}&kind=decision&limit=1")).Read<AuditEntry[]>())[0].Decision!;
        Assert.Equal(decision.EventId, audited.SnapshotId);

        using var picture = await guard.GetAsync($"/api/events/{audited.SnapshotId}/snapshot");
        await picture.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("image/jpeg", picture.Content.Headers.ContentType?.MediaType);
        Assert.True(picture.Headers.CacheControl is { NoStore: true, Private: true }, $"Cache-Control: {picture.Headers.CacheControl}");
        var jpeg = await picture.Content.ReadAsByteArrayAsync();
        using (var bitmap = SKBitmap.Decode(jpeg))
            Assert.InRange(Math.Max(bitmap.Width, bitmap.Height), 32, 160);
        await (await reader.GetAsync($"/api/events/{audited.SnapshotId}/snapshot")).ShouldBe(HttpStatusCode.Forbidden);
        await (await guard.GetAsync($"/api/events/{new string('0', 32)}/snapshot")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_snapshot");
        await (await guard.GetAsync("/api/events/..%2F..%2Fthumbnails/snapshot")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_snapshot");

        await (await fixture.Admin.PutJson($"/api/doors/{door}/snapshots", new { enabled = false })).ShouldBe(HttpStatusCode.OK);
        Assert.Null((await reader.Access(door, LaterFrame)).SnapshotId);
    }

    [Fact]
    public async Task Hr_sees_each_templates_thumbnail_and_deletes_one_photo_with_its_template_and_thumbnail()
    {
        var staff = TestIds.New("person");
        await fixture.Admin.CreateStaff(staff, "Thumbnail Person");
        using var hr = fixture.Client(await fixture.Admin.CreateKey("hr"));
        using var guard = fixture.Client(await fixture.Admin.CreateKey("guard"));
        try
        {
            var first = await (await hr.PostImage($"/api/staff/{staff}/faces", Portrait)).Read<EnrollmentResult>(HttpStatusCode.Created);
            var second = await (await hr.PostImage($"/api/staff/{staff}/faces", LaterFrame)).Read<EnrollmentResult>(HttpStatusCode.Created);
            Assert.True(first.Template!.Thumbnail);
            var path = $"/api/staff/{staff}/faces/{first.Template.TemplateId}";

            using (var thumbnail = await hr.GetAsync(path + "/thumbnail"))
            {
                await thumbnail.ShouldBe(HttpStatusCode.OK);
                Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
                Assert.True(thumbnail.Headers.CacheControl is { NoStore: true, Private: true });
            }
            await (await guard.GetAsync(path + "/thumbnail")).ShouldBe(HttpStatusCode.Forbidden);
            await (await guard.DeleteAsync(path)).ShouldBe(HttpStatusCode.Forbidden);

            await (await hr.DeleteAsync(path)).ShouldBe(HttpStatusCode.NoContent);

            await (await hr.GetAsync(path + "/thumbnail")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_thumbnail");
            await (await hr.DeleteAsync(path)).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_template");
            var profile = await (await hr.GetAsync($"/api/staff/{staff}")).Read<StaffProfile>();
            Assert.Equal([second.Template!.TemplateId], profile.Templates.Select(t => t.TemplateId));
            await (await hr.DeleteAsync($"/api/staff/{TestIds.New("nobody")}/faces/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_staff");
        }
        finally
        {
            await fixture.Admin.Erase(staff);
        }
    }

    [Fact]
    public async Task Erasure_removes_the_snapshot_of_a_decision_that_named_the_person_and_their_thumbnails()
    {
        var (door, staff) = (TestIds.New("door"), TestIds.New("person"));
        await fixture.Admin.CreateDoor(door);
        await (await fixture.Admin.PutJson($"/api/doors/{door}/snapshots", new { enabled = true })).ShouldBe(HttpStatusCode.OK);
        await fixture.Admin.CreateStaff(staff, "Erased Person");
        var enrolled = await (await fixture.Admin.PostImage($"/api/staff/{staff}/faces", Portrait)).Read<EnrollmentResult>(HttpStatusCode.Created);
        var denied = await fixture.Admin.Access(door, LaterFrame);
        Assert.Equal((DecisionReason.NoGrant, staff), (denied.Reason, denied.StaffId));
        await (await fixture.Admin.GetAsync($"/api/events/{denied.SnapshotId}/snapshot")).ShouldBe(HttpStatusCode.OK);

        await fixture.Admin.Erase(staff);

        await (await fixture.Admin.GetAsync($"/api/events/{denied.EventId}/snapshot")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_snapshot");
        var audited = (await (await fixture.Admin.GetAsync($"/api/events?doorId={door}&kind=decision&limit=1")).Read<AuditEntry[]>())[0].Decision!;
        Assert.Equal((denied.EventId, null), (audited.EventId, audited.SnapshotId)); // the audit no longer links the picture
        await (await fixture.Admin.GetAsync($"/api/staff/{staff}/faces/{enrolled.Template!.TemplateId}/thumbnail"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "unknown_thumbnail");
    }
}
