using AccessGrid.Grains;

namespace AccessGrid.Gateway.Contracts;

/// <summary>Body of <c>POST /api/keys</c>; a reader key names the one door it may post to.</summary>
public sealed record CreateKeyRequest(ApiRole? Role, string? DoorId);
