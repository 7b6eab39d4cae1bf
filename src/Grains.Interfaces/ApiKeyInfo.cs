namespace AccessGrid.Grains;

/// <summary>What the registry knows about a key. The key itself is never stored, only its SHA-256.</summary>
/// <param name="KeyId">Short public id (first hex digits of the hash), for listing and revoking.</param>
/// <param name="DoorId">The door a reader key is bound to; null for other roles.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] ApiRole Role,
    [property: Id(2)] string? DoorId,
    [property: Id(3)] DateTimeOffset CreatedAt);
