using AccessGrid.Grains.Webhooks;
using AccessGrid.Vision;

namespace AccessGrid.Grains;

/// <summary>Settings of the grains (section "AccessGrid" when bound from configuration).</summary>
public sealed class AccessGridOptions
{
    public DecisionThresholds Thresholds { get; set; } = new();
    public QualityGates Quality { get; set; } = new();

    /// <summary>Number of face-index shards; every silo must agree. Changing it re-homes people: rebuild every shard
    /// afterwards (<see cref="IFaceIndexGrain.Rebuild"/>).</summary>
    public int IndexShards { get; set; } = 4;

    /// <summary>How long after a write a shard snapshots itself (writes in between share one snapshot).</summary>
    public TimeSpan SnapshotDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Audit retention and archival of closed days.</summary>
    public AuditRetention Audit { get; set; } = new();

    /// <summary>Whether a silo loads every staff directory partition in the background when it starts (and moves the
    /// staff ids of an old directory), so the first search after a restart does not wait for 256 partitions to load.</summary>
    public bool WarmStaffDirectory { get; set; } = true;

    /// <summary>Where webhooks may send and how deliveries retry.</summary>
    public WebhookOptions Webhooks { get; set; } = new();
    /// <summary>Retention of decision snapshots (section "AccessGrid:FaceImages").</summary>
    public FaceImageRetention FaceImages { get; set; } = new();

    /// <summary>Models folder for the vision pipeline; null means <see cref="Vision.ModelStore.ModelsDirectory"/>.</summary>
    public string? ModelsDirectory { get; set; }
}
