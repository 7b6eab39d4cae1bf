namespace AccessGrid.Grains;

/// <summary>The lists of existing doors and staff ids (single activation, key 0), so they can be listed without a scan.</summary>
[Alias("AccessGrid.IDirectoryGrain")]
public interface IDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Every configured door, ordered by id.</summary>
    ValueTask<DoorInfo[]> ListDoors();

    /// <summary>Every staff id, ordered.</summary>
    ValueTask<string[]> ListStaffIds();

    /// <summary>Records a door's current configuration (called by the door grain).</summary>
    ValueTask PutDoor(DoorInfo door);

    /// <summary>Forgets a door (called by the door grain).</summary>
    ValueTask RemoveDoor(string doorId);

    /// <summary>Records a staff id (called by the staff grain).</summary>
    ValueTask AddStaff(string staffId);

    /// <summary>Forgets a staff id (called by the staff grain).</summary>
    ValueTask RemoveStaff(string staffId);
}
