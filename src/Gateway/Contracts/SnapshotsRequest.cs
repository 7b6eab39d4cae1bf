namespace AccessGrid.Gateway.Contracts;

/// <summary>Body of <c>PUT /api/doors/{doorId}/snapshots</c>: whether the door keeps decision snapshots of denials.</summary>
public sealed record SnapshotsRequest(bool? Enabled);
