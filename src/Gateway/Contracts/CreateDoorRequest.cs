using AccessGrid.Grains;

namespace AccessGrid.Gateway.Contracts;

/// <summary>Body of <c>POST /api/doors</c>; the mode defaults to both 1:K and 1:1, the liveness policy to passive.</summary>
public sealed record CreateDoorRequest(string? Id, string? Name, string? Zone, DoorMode? Mode, LivenessPolicy? Liveness);
