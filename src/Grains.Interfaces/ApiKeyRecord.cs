namespace AccessGrid.Grains;

/// <summary>An API key as the registry stores it, for backup and restore: the SHA-256 of the key (never the key)
/// and its public information (role, door, label, owner, creator).</summary>
/// <param name="Hash">Lower-case hex SHA-256 of the key.</param>
/// <param name="Info">Role, door, label, owner and the rest.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.ApiKeyRecord")]
public sealed record ApiKeyRecord(
    [property: Id(0)] string Hash,
    [property: Id(1)] ApiKeyInfo Info);
