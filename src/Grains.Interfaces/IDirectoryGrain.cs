namespace AccessGrid.Grains;

/// <summary>The list of existing doors (single activation, key 0), so they can be listed without a scan. People are in
/// the partitioned staff directory (<see cref="IStaffDirectoryGrain"/>); this grain only moves the ids a directory
/// written before it still holds there.</summary>
[Alias("AccessGrid.IDirectoryGrain")]
public interface IDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Every configured door, ordered by id.</summary>
    ValueTask<DoorInfo[]> ListDoors();

    /// <summary>Records a door's current configuration (called by the door grain).</summary>
    ValueTask PutDoor(DoorInfo door);

    /// <summary>Forgets a door (called by the door grain).</summary>
    ValueTask RemoveDoor(string doorId);

    /// <summary>Moves up to <paramref name="count"/> staff ids of the old single-state directory into the partitions
    /// (with each person's current name) and returns how many are left. The grain also does this by itself, in the
    /// background, from its activation on (every silo activates it at start).</summary>
    ValueTask<int> MigrateLegacyStaff(int count);
}
