using AccessGrid.Grains;

namespace AccessGrid.Client;

/// <summary>A new API key, shown this once, and its public id (what listing and revoking use).</summary>
public sealed record CreatedKey(string Key, string KeyId, ApiRole Role, string? DoorId);
