using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>A door (key = door id) and its decision flow: frame → encoder → 1:K index search or 1:1 check →
/// staff status and grants → decision → audit log → dashboard.</summary>
[Alias("AccessGrid.IDoorGrain")]
public interface IDoorGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates the door. Throws <see cref="AccessGridException"/> (Invalid) on an empty name or zone.</summary>
    ValueTask<DoorInfo> Configure(string name, string zone, DoorMode mode);

    /// <summary>The door, or null when it does not exist. Interleaves: a staff grant change asks while the door may be
    /// waiting on that person.</summary>
    [AlwaysInterleave]
    ValueTask<DoorInfo?> GetInfo();

    /// <summary>Removes the door. Returns false when it did not exist.</summary>
    ValueTask<bool> Remove();

    /// <summary>Decides on a frame by 1:K identification. Throws <see cref="AccessGridException"/> (NotFound) for an unknown door.</summary>
    ValueTask<Decision> Access(byte[] image);

    /// <summary>Decides on a frame by 1:1 verification against the claimed person.
    /// Throws <see cref="AccessGridException"/> (NotFound) for an unknown door.</summary>
    ValueTask<Decision> Verify(byte[] image, string staffId);
}
