namespace AccessGrid.Grains;

/// <summary>A door (key = door id) and its decision flow: analysed frame → 1:K index search or 1:1 check against the
/// claimed person → staff status and grants → decision → audit log → dashboard. The image itself never reaches the
/// door: the receiving silo's <see cref="IFrameAnalyzerGrain"/> turns it into an <see cref="AnalysedFrame"/>.</summary>
[Alias("AccessGrid.IDoorGrain")]
public interface IDoorGrain : IGrainWithStringKey
{
    /// <summary>Creates the door; a null liveness policy means <see cref="LivenessPolicy.Passive"/>. Throws
    /// <see cref="AccessGridException"/>: door_exists (Conflict), invalid_id, invalid_name, invalid_zone, invalid_mode
    /// or invalid_liveness (Invalid).</summary>
    ValueTask<DoorInfo> Create(string name, string zone, DoorMode mode, LivenessPolicy? liveness);

    /// <summary>Changes the door's name, zone, mode and liveness policy (null keeps the mode or the policy). Throws
    /// unknown_door (NotFound) or the Invalid reasons of <see cref="Create"/>.</summary>
    ValueTask<DoorInfo> Update(string name, string zone, DoorMode? mode, LivenessPolicy? liveness);

    /// <summary>Turns decision snapshots on or off: with them on, every denied decision with a face keeps a small JPEG
    /// of that face (the gateway asks the frame analyzer for it only at such doors). Audited. Throws unknown_door (NotFound).</summary>
    ValueTask<DoorInfo> SetSnapshots(bool enabled);

    /// <summary>The door, or null when it does not exist.</summary>
    ValueTask<DoorInfo?> GetInfo();

    /// <summary>Removes the door. Returns false when it did not exist.</summary>
    ValueTask<bool> Remove();

    /// <summary>Decides on a burst (a single frame is a burst of one) by 1:K identification, after the door's
    /// liveness policy. Throws unknown_door (NotFound).</summary>
    ValueTask<Decision> Access(AnalysedBurst burst);

    /// <summary>Decides on a burst by 1:1 verification against the claimed person, after the door's liveness policy; a
    /// claimed id that does not exist is denied not_claimed_person like a face that is not theirs. Throws unknown_door
    /// (NotFound), invalid_staff_id (Invalid).</summary>
    ValueTask<Decision> Verify(AnalysedBurst burst, string staffId);
}
