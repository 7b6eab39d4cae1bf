namespace AccessGrid.Grains;

/// <summary>What the registry knows about a key. The key itself is never stored, only its SHA-256.</summary>
/// <param name="KeyId">Short public id (first hex digits of the hash), for listing and revoking.</param>
/// <param name="DoorId">The door a reader key is bound to; null for other roles.</param>
/// <param name="Label">What the key is, e.g. "Front door reader" or "Reception desk".</param>
/// <param name="Owner">Who it is for and answers for its use.</param>
/// <param name="CreatedBy">The key that created it (id and label), or "system" for the bootstrap admin key.</param>
/// <param name="LastUsedAt">When it last authenticated a request, to the minute (null: never).</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] ApiRole Role,
    [property: Id(2)] string? DoorId,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string Label = "",
    [property: Id(5)] string Owner = "",
    [property: Id(6)] AuditActor? CreatedBy = null,
    [property: Id(7)] DateTimeOffset? LastUsedAt = null);
