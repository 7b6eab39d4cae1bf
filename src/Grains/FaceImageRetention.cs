namespace AccessGrid.Grains;

/// <summary>How long decision snapshots are kept and how often expired ones are deleted (section
/// "AccessGrid:FaceImages"). Global, not per door: a door decides whether it keeps snapshots at all (off by default);
/// how long a picture of a stranger may be kept is one policy for the site.</summary>
public sealed class FaceImageRetention
{
    /// <summary>Days a decision snapshot is kept (1..365; default 7).</summary>
    public int SnapshotDays { get; set; } = 7;

    /// <summary>How often the housekeeping deletes expired snapshots.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Snapshots taken before this instant have expired.</summary>
    public DateTimeOffset Cutoff(DateTimeOffset now) => now - TimeSpan.FromDays(Math.Clamp(SnapshotDays, 1, 365));
}
