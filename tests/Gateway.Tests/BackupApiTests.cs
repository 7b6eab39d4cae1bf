using System.Net;
using System.Text;
using AccessGrid.Client;
using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;
using AccessGrid.Grains.Backup;

namespace AccessGrid.Gateway.Tests;

/// <summary>The backup endpoints over HTTP on the shared host: admin only, a whole stream out, refusals before any write
/// on the way in. (Round trips into an empty site run on test clusters: Grains.Tests/Backup.)</summary>
[Collection(GatewayCollection.Name)]
public sealed class BackupApiTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Only_an_admin_takes_or_restores_a_backup()
    {
        using var hr = fixture.Client(await fixture.Admin.CreateKey("hr"));
        await (await hr.GetAsync("/api/backup")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden_role");
        await (await hr.PostRaw("/api/backup/restore", "", BackupApiContent)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden_role");
    }

    [Fact]
    public async Task A_backup_streams_whole_and_a_restore_into_a_used_site_is_refused_or_merged_without_touching_what_is_there()
    {
        var door = TestIds.New("backup-door");
        var person = TestIds.New("backup-person");
        await fixture.Admin.CreateDoor(door);
        await fixture.Admin.CreateStaff(person, "Backed Up");
        await fixture.Admin.Grant(person, door);
        var admin = Api.Typed(fixture.Admin);

        using var backup = new MemoryStream();
        await admin.Backup(backup);
        StaffRecord? ours = null;
        backup.Position = 0;
        var (header, end) = await BackupReader.Read(backup, line => { if (line is BackupPerson p && p.Staff.Id == person) ours = p.Staff; });
        Assert.Equal(BackupHeader.CurrentFormat, header.Format);
        Assert.True(end.Staff >= 1 && end.Doors >= 1 && end.Keys >= 1);
        Assert.Equal(door, Assert.Single(ours!.Grants).Target);

        var bytes = backup.ToArray();
        var refused = await Assert.ThrowsAsync<AccessGridApiException>(() => admin.Restore(new MemoryStream(bytes))); // the request owns its body
        Assert.Equal((HttpStatusCode.Conflict, "target_not_empty"), (refused.Status, refused.Reason));

        await admin.UpdateStaff(person, name: "Renamed Since");
        var steps = new List<string>();
        var merged = await admin.Restore(new MemoryStream(bytes), merge: true, p => steps.Add(p.Phase));
        Assert.Equal(0, merged.Staff.Restored);
        Assert.True(merged.Staff.Skipped >= 1);
        Assert.Equal(["doors", "keys", "staff", "index"], steps.Distinct());
        Assert.Equal("Renamed Since", (await admin.GetStaff(person)).Name); // kept as it is, not rolled back
    }

    [Fact]
    public async Task A_damaged_stream_or_another_content_type_is_refused_with_a_reason()
    {
        var body = "{\"type\":\"header\",\"format\":\"accessgrid-backup/1\",\"createdAt\":\"2026-12-01T00:00:00Z\",\"model\":{\"file\":\"f\",\"sha256\":\"00\"}}\n";
        var problem = await (await fixture.Admin.PostRaw("/api/backup/restore", body, BackupApiContent)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_backup");
        Assert.Contains("truncated", problem.Detail);
        await (await fixture.Admin.PostRaw("/api/backup/restore", body, "application/json")).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await (await fixture.Admin.PostRaw("/api/backup/restore", "\u00ff not json\n", BackupApiContent)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_backup");
    }

    private const string BackupApiContent = "application/x-ndjson";

}
