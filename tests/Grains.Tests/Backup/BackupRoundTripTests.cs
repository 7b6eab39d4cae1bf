using System.Text.Json;
using AccessGrid.Client.Backup;
using AccessGrid.Grains.Backup;

namespace AccessGrid.Grains.Tests.Backup;

/// <summary>Backup and restore through <see cref="SiteBackup"/> (what the gateway's endpoints run) between two sites of
/// their own, with the encrypted file in between.</summary>
public sealed class BackupRoundTripTests
{
    private const string Passphrase = "correct horse battery staple";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [RealFacesFact]
    public async Task A_site_comes_back_whole_from_its_encrypted_backup_and_its_people_are_recognised_without_re_encoding()
    {
        await using var source = await Site.Start();
        var scenario = new Scenario(source.Client);
        var door = await scenario.NewDoor(zone: "lobby");
        var doorId = door.GetPrimaryKeyString();
        var visitor = await scenario.Enrolled(0, "visitor");
        await visitor.SetGrant(GrantScope.Door, doorId, new GrantTerms(MaxUses: 3));
        Assert.Null((await visitor.Authorize(doorId, "lobby", Now)).Reason); // one use of the pass spent
        var guard = await scenario.Enrolled(1, "guard");
        await guard.SetGrant(GrantScope.Zone, "lobby", new GrantTerms(new WeeklySchedule([DayOfWeek.Monday], [], "UTC")));
        await guard.SetStatus(StaffStatus.Suspended);
        await scenario.Staff("no-face").Create("Nobody Enrolled");
        var reader = await source.Client.GetGrain<IApiKeyRegistryGrain>(0).Create(ApiRole.Reader, doorId, "Front reader", "Facilities");
        var sourcePeople = await source.People();
        var sourceKeys = await source.Client.GetGrain<IApiKeyRegistryGrain>(0).Export();

        var file = await EncryptedBackupOf(source);

        await using var target = await Site.Start();
        var report = await Restore(target, BackupFile.Open(new MemoryStream(file), Passphrase));

        Assert.Equal((1, 0), (report.Doors.Restored, report.Doors.Rejected.Length));
        Assert.Equal((3, 0), (report.Staff.Restored, report.Staff.Rejected.Length));
        Assert.Equal(2, report.Templates);
        Assert.Equal(Json(sourcePeople), Json(await target.People())); // templates byte for byte, grants with their uses
        Assert.Equal(Json(await source.Backup.ExportDoors()), Json(await target.Backup.ExportDoors()));
        var targetKeys = await target.Client.GetGrain<IApiKeyRegistryGrain>(0).Export();
        Assert.All(sourceKeys, k => Assert.Contains(targetKeys, t => t.Hash == k.Hash && t.Info.Role == k.Info.Role && t.Info.Label == k.Info.Label));
        Assert.NotNull(await target.Client.GetGrain<IApiKeyRegistryGrain>(0).Validate(reader.Key)); // the reader's key works on the new site

        // The rebuilt index recognises the restored person from a new picture, with the same distance as before.
        var probe = FacePictures.Get(0).Probe;
        var before = await door.Access(await new Scenario(source.Client).Frame(probe));
        var after = await target.Client.GetGrain<IDoorGrain>(doorId).Access(await new Scenario(target.Client).Frame(probe));
        Assert.Equal((DecisionReason.Identified, "visitor"), (after.Reason, after.StaffId));
        Assert.Equal(before.Distance, after.Distance);

        var changes = await target.Client.GetGrain<IAuditLogGrain>(0).Query(new AuditQuery(Kind: AuditKind.Change, Limit: 1000));
        Assert.Contains(changes, c => c.Action == "backup.restored");
    }

    [RealFacesFact]
    public async Task A_non_empty_site_is_refused_before_any_write_and_merge_keeps_what_it_has()
    {
        await using var source = await Site.Start();
        var scenario = new Scenario(source.Client);
        var door = await scenario.NewDoor();
        await scenario.EnrolledAndGranted(2, door);
        var file = await EncryptedBackupOf(source);

        await using var target = await Site.Start();
        await target.Client.GetGrain<IDoorGrain>(door.GetPrimaryKeyString()).Create("Already here", "hall", DoorMode.Identify, LivenessPolicy.Off);
        var refused = await Assert.ThrowsAsync<AccessGridException>(() => Restore(target, BackupFile.Open(new MemoryStream(file), Passphrase)));
        Assert.Equal("target_not_empty", refused.Reason);
        Assert.Empty(await target.People());

        var merged = await Restore(target, BackupFile.Open(new MemoryStream(file), Passphrase), merge: true);
        Assert.Equal((0, 1), (merged.Doors.Restored, merged.Doors.Skipped));
        Assert.Equal(1, merged.Staff.Restored);
        Assert.Equal("Already here", (await target.Client.GetGrain<IDoorGrain>(door.GetPrimaryKeyString()).GetInfo())!.Name);
    }

    [RealFacesFact]
    public async Task A_backup_from_another_recognition_model_is_refused_before_any_write()
    {
        await using var source = await Site.Start();
        await new Scenario(source.Client).Enrolled(3);
        var file = await EncryptedBackupOf(source);

        var otherModels = Directory.CreateTempSubdirectory("accessgrid-other-model-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(otherModels, new Vision.PipelineOptions().RecognitionFile), [1, 2, 3]);
            await using var target = await Site.Start(otherModels);
            var refused = await Assert.ThrowsAsync<AccessGridException>(() => Restore(target, BackupFile.Open(new MemoryStream(file), Passphrase)));
            Assert.Equal("model_mismatch", refused.Reason);
            Assert.Empty(await target.People());
        }
        finally
        {
            Directory.Delete(otherModels, recursive: true);
        }
    }

    [RealFacesFact]
    public async Task An_altered_or_truncated_stream_is_refused_before_any_write()
    {
        await using var source = await Site.Start();
        var scenario = new Scenario(source.Client);
        await scenario.EnrolledAndGranted(4, await scenario.NewDoor());
        using var plain = new MemoryStream();
        await (await SiteBackup.Export(source.Client))(plain, CancellationToken.None);
        var text = plain.ToArray();

        await using var target = await Site.Start();
        var name = System.Text.Encoding.UTF8.GetString(text).IndexOf("\"name\":\"Person 4\"", StringComparison.Ordinal);
        var altered = text.ToArray();
        altered[name + 9] = (byte)'Q'; // still valid JSON, another name: only the checksum can tell
        var lines = System.Text.Encoding.UTF8.GetString(text).TrimEnd('\n').Split('\n');
        var truncated = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines[..^1]) + "\n"); // the end line is missing

        Assert.Contains("checksum", (await Assert.ThrowsAsync<InvalidBackupException>(() => Restore(target, new MemoryStream(altered)))).Message);
        Assert.Contains("truncated", (await Assert.ThrowsAsync<InvalidBackupException>(() => Restore(target, new MemoryStream(truncated)))).Message);
        Assert.Empty(await target.People());
        Assert.Empty(await target.Backup.ExportDoors());
    }

    [Fact]
    public async Task Restored_people_are_checked_by_the_staff_grains_rules()
    {
        await using var target = await Site.Start();
        var template = new StoredTemplate(Guid.NewGuid(), new byte[256], new TemplateQuality(0.9f, 120, 50, 0.5f, 0, 0), Now);
        StaffRecord Person(string id, string name = "Ann", StoredTemplate[]? faces = null, Grant[]? grants = null) =>
            new(id, name, StaffStatus.Active, Now, faces ?? [template], grants ?? []);

        var outcome = await target.Backup.RestoreStaff([
            Person("ok"),
            Person("bad name", "Ann"),
            Person("blank", " "),
            Person("short", faces: [template with { Half = new byte[10] }]),
            Person("no-door", grants: [new Grant(GrantScope.Door, "nowhere", GrantTerms.Always, 0, Now)]),
            Person("bad-pass", grants: [new Grant(GrantScope.Zone, "lobby", new GrantTerms(MaxUses: 0), 0, Now)]),
        ]);

        Assert.Equal(1, outcome.Restored);
        Assert.Equal(["invalid_id", "invalid_name", "invalid_template", "unknown_door", "invalid_grant"], outcome.Rejected.Select(r => r.Reason));
        Assert.Equal(["ok"], (await target.People()).Select(p => p.Id));
        Assert.False(await target.Client.GetGrain<IStaffGrain>("ok").Restore(Person("ok", "Someone Else"))); // exists: left as it was
        Assert.Equal("Ann", (await target.Client.GetGrain<IStaffGrain>("ok").GetProfile())!.Name);
    }

    private static async Task<byte[]> EncryptedBackupOf(Site site)
    {
        using var file = new MemoryStream();
        await using (var encrypted = BackupFile.Create(file, Passphrase))
        {
            await (await SiteBackup.Export(site.Client))(encrypted, CancellationToken.None);
            encrypted.Finish();
        }
        return file.ToArray();
    }

    private static async Task<RestoreReport> Restore(Site target, Stream backup, bool merge = false)
    {
        await using (backup) return await SiteBackup.Restore(target.Client, backup, merge, _ => Task.CompletedTask, CancellationToken.None);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, BackupJson.Options);
}
