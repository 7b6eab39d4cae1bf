namespace AccessGrid.Grains;

/// <summary>The API keys (single activation, key 0). Only SHA-256 hashes of keys are stored.</summary>
[Alias("AccessGrid.IApiKeyRegistryGrain")]
public interface IApiKeyRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Creates a key. A reader key needs a door id; other roles must not have one
    /// (<see cref="AccessGridException"/> Invalid otherwise).</summary>
    ValueTask<CreatedApiKey> Create(ApiRole role, string? doorId);

    /// <summary>Creates the first admin key if no admin key exists yet; null when one already does.</summary>
    ValueTask<CreatedApiKey?> CreateBootstrapAdminIfNone();

    /// <summary>What the key may do, or null for an unknown or revoked key.</summary>
    ValueTask<ApiKeyInfo?> Validate(string key);

    /// <summary>Every key's public information.</summary>
    ValueTask<ApiKeyInfo[]> List();

    /// <summary>Revokes a key by its public id. Returns false when there was none.</summary>
    ValueTask<bool> Revoke(string keyId);
}
