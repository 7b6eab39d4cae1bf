namespace AccessGrid.Grains;

/// <summary>Lists of doors and staff ids, kept by the door and staff grains as they are created and removed.</summary>
public sealed class DirectoryGrain(
    [PersistentState("directory", StorageNames.Directory)] IPersistentState<DirectoryState> state) : Grain, IDirectoryGrain
{
    public ValueTask<DoorInfo[]> ListDoors() =>
        ValueTask.FromResult(state.State.Doors.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray());

    public ValueTask<string[]> ListStaffIds() =>
        ValueTask.FromResult(state.State.Staff.Order(StringComparer.Ordinal).ToArray());

    public async ValueTask PutDoor(DoorInfo door)
    {
        state.State.Doors[door.Id] = door;
        await state.WriteStateAsync();
    }

    public async ValueTask RemoveDoor(string doorId)
    {
        if (state.State.Doors.Remove(doorId)) await state.WriteStateAsync();
    }

    public async ValueTask AddStaff(string staffId)
    {
        if (state.State.Staff.Add(staffId)) await state.WriteStateAsync();
    }

    public async ValueTask RemoveStaff(string staffId)
    {
        if (state.State.Staff.Remove(staffId)) await state.WriteStateAsync();
    }
}
