using AccessGrid.Grains;

namespace AccessGrid.Gateway.Contracts;

/// <summary>The new key, shown this once, and its public id for listing and revoking.</summary>
public sealed record CreatedKeyResponse(string Key, string KeyId, ApiRole Role, string? DoorId);
