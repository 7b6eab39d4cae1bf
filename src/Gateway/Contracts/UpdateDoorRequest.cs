using AccessGrid.Grains;

namespace AccessGrid.Gateway.Contracts;

/// <summary>Body of <c>PUT /api/doors/{doorId}</c>: the door's whole configuration (a missing mode or liveness keeps the current one).</summary>
public sealed record UpdateDoorRequest(string? Name, string? Zone, DoorMode? Mode, LivenessPolicy? Liveness);
