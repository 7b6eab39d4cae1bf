namespace AccessGrid.Grains;

/// <summary>The API keys (single activation, key 0). Only SHA-256 hashes of keys are stored.</summary>
[Alias("AccessGrid.IApiKeyRegistryGrain")]
public interface IApiKeyRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Creates a key. A reader key needs a door id; other roles must not have one
    /// (<see cref="AccessGridException"/> Invalid otherwise). Label and owner are free text (at most 100 characters,
    /// no control characters); a missing label becomes the role and door, a missing owner the creating key's label.
    /// The creator is taken from the request context (<see cref="AuditActors"/>).</summary>
    ValueTask<CreatedApiKey> Create(ApiRole role, string? doorId, string? label = null, string? owner = null);

    /// <summary>Creates the first admin key if no admin key exists yet; null when one already does.</summary>
    ValueTask<CreatedApiKey?> CreateBootstrapAdminIfNone();

    /// <summary>What the key may do, or null for an unknown or revoked key. Notes the use (kept in memory, stored at most
    /// once a minute) for <see cref="ApiKeyInfo.LastUsedAt"/>.</summary>
    ValueTask<ApiKeyInfo?> Validate(string key);

    /// <summary>Every key's public information.</summary>
    ValueTask<ApiKeyInfo[]> List();

    /// <summary>Revokes a key by its public id and tells every subscribed node at once. Returns false when there was none.</summary>
    ValueTask<bool> Revoke(string keyId);

    /// <summary>Revokes every reader key bound to the door (called when the door is removed, so that re-creating the
    /// same door id does not revive them). Returns how many there were.</summary>
    ValueTask<int> RevokeDoorKeys(string doorId);

    /// <summary>Every key's hash with its public information, for backups (the keys themselves are never stored).</summary>
    ValueTask<ApiKeyRecord[]> Export();

    /// <summary>Adds backed-up key hashes the registry does not hold yet, checked like <see cref="Create"/> (role, the
    /// reader's door, label and owner) plus the hash's form; keys already present stay as they are. Returns what was
    /// added, skipped and refused.</summary>
    ValueTask<RestoreOutcome> Restore(ApiKeyRecord[] keys);

    /// <summary>Adds or refreshes a node's subscription to revocations (expires unless refreshed).</summary>
    ValueTask Subscribe(IKeyRevocationObserver observer);

    /// <summary>Removes a subscription.</summary>
    ValueTask Unsubscribe(IKeyRevocationObserver observer);
}
