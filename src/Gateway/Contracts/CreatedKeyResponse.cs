using AccessGrid.Grains;

namespace AccessGrid.Gateway.Contracts;

/// <summary>The new key, shown this once, its public id for listing and revoking, and what it is.</summary>
public sealed record CreatedKeyResponse(string Key, string KeyId, ApiRole Role, string? DoorId, string Label, string Owner, AuditActor? CreatedBy);
