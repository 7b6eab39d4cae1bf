using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>Reads the pictures people look at from the face image store, on the silo that asks (stateless worker):
/// decision snapshots for guards, enrollment thumbnails for HR. Writes and deletions belong to the door and staff grains.</summary>
[Alias("AccessGrid.IFaceImagesGrain")]
public interface IFaceImagesGrain : IGrainWithIntegerKey
{
    /// <summary>The JPEG of a decision's snapshot, or null when there is none (never kept, expired, erased, not an event id).</summary>
    [ReadOnly]
    ValueTask<byte[]?> GetSnapshot(string eventId);

    /// <summary>The JPEG of a template's enrollment thumbnail, or null when there is none.</summary>
    [ReadOnly]
    ValueTask<byte[]?> GetThumbnail(string staffId, Guid templateId);
}
