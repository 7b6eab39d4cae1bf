using System.Diagnostics;

namespace AccessGrid.Grains.Backup;

/// <summary>A whole site to and from a backup stream, through <see cref="ISiteBackupGrain"/>: the gateway's backup
/// endpoints are this over HTTP, and the grain tests run it on a test cluster. People move in pages of
/// <see cref="Page"/>.</summary>
public static class SiteBackup
{
    /// <summary>People per grain call, both ways (about 1 KB each).</summary>
    public const int Page = 500;

    /// <summary>Starts an export (audited; throws models_not_installed before the first byte) and returns the writer
    /// of the rest, so a caller can still answer a refusal properly before it commits to streaming.</summary>
    public static async Task<Func<Stream, CancellationToken, Task<BackupEnd>>> Export(IGrainFactory grains)
    {
        var site = grains.GetGrain<ISiteBackupGrain>(0);
        var model = await site.BeginExport();
        return async (output, ct) =>
        {
            using var writer = new BackupWriter(output);
            await writer.Write(new BackupHeader(BackupHeader.CurrentFormat, DateTimeOffset.UtcNow, model), ct);
            foreach (var door in await site.ExportDoors()) await writer.Write(new BackupDoor(door), ct);
            foreach (var key in await site.ExportKeys()) await writer.Write(new BackupKey(key), ct);
            for (string? after = null; ;)
            {
                var page = await site.ExportStaff(after, Page);
                foreach (var person in page.People) await writer.Write(new BackupPerson(person), ct);
                if ((after = page.Next) is null) break;
            }
            return await writer.Finish(ct);
        };
    }

    /// <summary>Reads the whole stream and proves it (<see cref="InvalidBackupException"/>), has the grains check the
    /// model and the target (<see cref="AccessGridException"/> model_mismatch, target_not_empty) — all before the
    /// first write and the first <paramref name="progress"/> call — then writes doors, keys and people and rebuilds
    /// the index. The stream's items are held in memory meanwhile (about 1 KB a person).</summary>
    public static async Task<RestoreReport> Restore(IGrainFactory grains, Stream input, bool merge, Func<RestoreProgress, Task> progress,
        CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        List<DoorInfo> doors = [];
        List<ApiKeyRecord> keys = [];
        List<StaffRecord> people = [];
        var (header, end) = await BackupReader.Read(input, line =>
        {
            switch (line)
            {
                case BackupDoor d: doors.Add(d.Door); break;
                case BackupKey k: keys.Add(k.Key); break;
                case BackupPerson p: people.Add(p.Staff); break;
            }
        }, ct);
        var site = grains.GetGrain<ISiteBackupGrain>(0);
        await site.CheckTarget(header.Model, merge);

        await progress(new RestoreProgress("doors", 0, doors.Count));
        var doorOutcome = await site.RestoreDoors([.. doors]);
        await progress(new RestoreProgress("keys", 0, keys.Count));
        var keyOutcome = await site.RestoreKeys([.. keys]);
        var staffOutcome = RestoreOutcome.None;
        for (var i = 0; i < people.Count; i += Page)
        {
            await progress(new RestoreProgress("staff", i, people.Count));
            staffOutcome = staffOutcome.Add(await site.RestoreStaff([.. people.Skip(i).Take(Page)]));
            ct.ThrowIfCancellationRequested();
        }
        await progress(new RestoreProgress("index", people.Count, people.Count));
        await site.FinishRestore($"Backup of {header.CreatedAt:u} (sha256 {end.Sha256[..12]}…) restored{(merge ? " (merge)" : "")}: " +
                                 $"doors {Count(doorOutcome)}, keys {Count(keyOutcome)}, people {Count(staffOutcome)}; index rebuilt.");
        return new RestoreReport(doorOutcome, keyOutcome, staffOutcome, end.Templates, header.Model, end.Sha256,
            Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static string Count(RestoreOutcome o) => $"{o.Restored} restored, {o.Skipped} kept, {o.Rejected.Length} refused";
}
