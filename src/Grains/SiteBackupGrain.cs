using Microsoft.Extensions.Options;

namespace AccessGrid.Grains;

/// <summary>Reads a site out of, and writes it back into, the grains that own it. Every restored item goes through
/// its owning grain (door, key registry, staff), so the same rules check it as when it was first made; this grain only
/// pages, counts and sorts refusals from failures. It reads the directories through <see cref="Doors"/> and <see cref="People"/> only.</summary>
public sealed class SiteBackupGrain(RecognitionModel model, IOptions<AccessGridOptions> options) : Grain, ISiteBackupGrain
{
    private FaceIndex Index => new(GrainFactory, options.Value.IndexShards);
    private IDirectoryGrain Doors => GrainFactory.GetGrain<IDirectoryGrain>(0);
    private IStaffDirectoryGrain People => GrainFactory.GetGrain<IStaffDirectoryGrain>(0);
    private IApiKeyRegistryGrain Keys => GrainFactory.GetGrain<IApiKeyRegistryGrain>(0);

    public async ValueTask<ModelVersion> BeginExport()
    {
        var version = model.Version;
        await AuditLog.Change(GrainFactory, "backup.exported", null, null, $"Backup of doors, keys (hashes) and people taken; templates from {version}.");
        return version;
    }

    public async ValueTask<DoorInfo[]> ExportDoors() => await Doors.ListDoors();

    public async ValueTask<ApiKeyRecord[]> ExportKeys() => await Keys.Export();

    public async ValueTask<StaffRecordPage> ExportStaff(string? after, int limit)
    {
        var page = await People.Find(new StaffQuery(Limit: limit, After: after));
        var records = await Task.WhenAll(page.Ids.Select(id => GrainFactory.GetGrain<IStaffGrain>(id).Export().AsTask()));
        return new StaffRecordPage([.. records.OfType<StaffRecord>()], page.Next); // erased meanwhile: gone from the backup too
    }

    public async ValueTask CheckTarget(ModelVersion backupModel, bool merge)
    {
        var ours = model.Version;
        if (backupModel.File != ours.File || backupModel.Sha256 != ours.Sha256)
            throw AccessGridException.Conflict("model_mismatch",
                $"The backup's templates come from {backupModel}, this silo encodes with {ours}: they cannot be compared. " +
                "Restore on a silo with the backup's model.");
        if (merge) return;
        var (doors, people) = (await Doors.ListDoors(), (await People.Find(new StaffQuery(Limit: 1))).Total);
        if (doors.Length > 0 || people > 0)
            throw AccessGridException.Conflict("target_not_empty",
                $"This site already has {doors.Length} doors and {people} people; restore into an empty site, or merge (existing ids are kept as they are).");
    }

    public async ValueTask<RestoreOutcome> RestoreDoors(DoorInfo[] doors)
    {
        var outcome = RestoreOutcome.None;
        foreach (var door in doors)
            outcome = outcome.Add(await Restore("door", door.Id,
                async () => await GrainFactory.GetGrain<IDoorGrain>(door.Id).Create(door.Name, door.Zone, door.Mode, door.Liveness) is not null));
        return outcome;
    }

    public async ValueTask<RestoreOutcome> RestoreKeys(ApiKeyRecord[] keys) => await Keys.Restore(keys);

    public async ValueTask<RestoreOutcome> RestoreStaff(StaffRecord[] people)
    {
        var outcomes = await Task.WhenAll(people.Select(p => Restore("staff", p.Id, async () => await GrainFactory.GetGrain<IStaffGrain>(p.Id).Restore(p))));
        var restored = people.Where((p, i) => outcomes[i].Restored > 0 && p.Faces.Length > 0).Select(p => p.Id);
        await Index.AddMembers(restored);
        return outcomes.Aggregate(RestoreOutcome.None, (sum, o) => sum.Add(o));
    }

    public async ValueTask<IndexShardStats[]> FinishRestore(string summary)
    {
        var stats = await Index.Rebuild();
        await AuditLog.Change(GrainFactory, "backup.restored", null, null, summary);
        return stats;
    }

    /// <summary>One item: written, skipped (it exists: a conflict, or the grain said so) or refused by its grain's rules.
    /// Anything else (storage away) is not the item's fault and fails the restore.</summary>
    private static async Task<RestoreOutcome> Restore(string kind, string? id, Func<Task<bool>> write)
    {
        try
        {
            return await write() ? new RestoreOutcome(1, 0, []) : new RestoreOutcome(0, 1, []);
        }
        catch (AccessGridException e) when (e.Kind == AccessGridError.Conflict)
        {
            return new RestoreOutcome(0, 1, []);
        }
        catch (AccessGridException e)
        {
            return new RestoreOutcome(0, 0, [new RestoreReject(kind, id ?? "", e.Reason, e.Message)]);
        }
    }
}
