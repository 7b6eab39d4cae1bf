namespace AccessGrid.Grains;

/// <summary>Backup and restore of a whole site (key 0): reads what the doors, the key registry and the staff grains
/// store, and writes it back through the same grains, whose own rules check every restored id, name, grant and key.
/// The callers (the gateway's backup endpoints) stream the items in pages; this grain holds no restore session, so
/// every step is a plain call.</summary>
[Alias("AccessGrid.ISiteBackupGrain")]
public interface ISiteBackupGrain : IGrainWithIntegerKey
{
    /// <summary>Starts an export: audits it as a change (who took a copy of every template) and returns the recognition
    /// net this silo encodes with, for the backup's header. Throws models_not_installed (Conflict) without it.</summary>
    ValueTask<ModelVersion> BeginExport();

    /// <summary>Every door's configuration.</summary>
    ValueTask<DoorInfo[]> ExportDoors();

    /// <summary>Every API key's hash and public information (never a key).</summary>
    ValueTask<ApiKeyRecord[]> ExportKeys();

    /// <summary>One page of people as stored, ordered by id, from after <paramref name="after"/> (null: the start);
    /// its <see cref="StaffRecordPage.Next"/> is the cursor of the next page, null at the end.</summary>
    ValueTask<StaffRecordPage> ExportStaff(string? after, int limit);

    /// <summary>Refuses a restore before anything is written: model_mismatch (Conflict) when the backup's templates come
    /// from another recognition net, target_not_empty (Conflict) when the site already has doors or people and
    /// <paramref name="merge"/> is false.</summary>
    ValueTask CheckTarget(ModelVersion backupModel, bool merge);

    /// <summary>Creates the doors (the door grain's rules). With merge, a door that exists is skipped.</summary>
    ValueTask<RestoreOutcome> RestoreDoors(DoorInfo[] doors);

    /// <summary>Adds the key hashes the registry does not hold yet (the registry's rules); the target's own keys stay.</summary>
    ValueTask<RestoreOutcome> RestoreKeys(ApiKeyRecord[] keys);

    /// <summary>Writes people as stored (no re-encoding; the staff grain's rules) and records their index shard
    /// membership; a person who exists is skipped. The index is rebuilt by <see cref="FinishRestore"/>.</summary>
    ValueTask<RestoreOutcome> RestoreStaff(StaffRecord[] people);

    /// <summary>Rebuilds every index shard from the staff state and audits the restore as one change (with the acting
    /// key) whose detail is <paramref name="summary"/>.</summary>
    [ResponseTimeout("00:30:00")] // rebuilding shards of tens of thousands of people takes minutes
    ValueTask<IndexShardStats[]> FinishRestore(string summary);
}
