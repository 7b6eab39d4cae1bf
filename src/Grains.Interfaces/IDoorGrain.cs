namespace AccessGrid.Grains;

/// <summary>A door (key = door id) and its decision flow: analysed frame → 1:K index search or 1:1 check against the
/// claimed person → staff status and grants → decision → audit log → dashboard. The image itself never reaches the
/// door: the receiving silo's <see cref="IFrameAnalyzerGrain"/> turns it into an <see cref="AnalysedFrame"/>.</summary>
[Alias("AccessGrid.IDoorGrain")]
public interface IDoorGrain : IGrainWithStringKey
{
    /// <summary>Creates the door. Throws <see cref="AccessGridException"/>: door_exists (Conflict), invalid_id,
    /// invalid_name, invalid_zone or invalid_mode (Invalid).</summary>
    ValueTask<DoorInfo> Create(string name, string zone, DoorMode mode);

    /// <summary>Changes the door's name, zone and mode (null keeps the mode). Throws unknown_door (NotFound) or the
    /// Invalid reasons of <see cref="Create"/>.</summary>
    ValueTask<DoorInfo> Update(string name, string zone, DoorMode? mode);

    /// <summary>The door, or null when it does not exist.</summary>
    ValueTask<DoorInfo?> GetInfo();

    /// <summary>Removes the door. Returns false when it did not exist.</summary>
    ValueTask<bool> Remove();

    /// <summary>Decides on a frame by 1:K identification. Throws unknown_door (NotFound).</summary>
    ValueTask<Decision> Access(AnalysedFrame frame);

    /// <summary>Decides on a frame by 1:1 verification against the claimed person; a claimed id that does not exist is
    /// denied not_claimed_person like a face that is not theirs. Throws unknown_door (NotFound), invalid_staff_id (Invalid).</summary>
    ValueTask<Decision> Verify(AnalysedFrame frame, string staffId);
}
