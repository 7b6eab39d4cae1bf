namespace AccessGrid.Grains;

/// <summary>Where the pictures people look at are kept (Azure Blob or PostgreSQL; memory in tests): decision snapshots
/// (guards, per door opt-in, kept <see cref="FaceImageRetention.SnapshotDays"/>) and enrollment thumbnails (HR, one per
/// template). Recognition never reads them: templates are encodings. The door grain writes snapshots, the staff grain
/// writes and deletes thumbnails and, on erasure, the snapshots of the decisions that named the person.</summary>
public interface IFaceImageStore
{
    /// <summary>Stores a decision snapshot under its event id.</summary>
    Task PutSnapshot(DecisionSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>The snapshot's JPEG, or null when there is none (never taken, expired, erased, or not an event id).</summary>
    Task<byte[]?> GetSnapshot(string eventId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the snapshots of every decision that named <paramref name="staffId"/>; returns how many.</summary>
    Task<int> DeleteSnapshotsNaming(string staffId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every snapshot taken before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteSnapshotsTakenBefore(DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    /// <summary>Stores the enrollment thumbnail of one template.</summary>
    Task PutThumbnail(string staffId, Guid templateId, byte[] jpeg, CancellationToken cancellationToken = default);

    /// <summary>The template's thumbnail, or null when there is none.</summary>
    Task<byte[]?> GetThumbnail(string staffId, Guid templateId, CancellationToken cancellationToken = default);

    /// <summary>Deletes one template's thumbnail, if any.</summary>
    Task DeleteThumbnail(string staffId, Guid templateId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every thumbnail of the person.</summary>
    Task DeleteThumbnails(string staffId, CancellationToken cancellationToken = default);
}
