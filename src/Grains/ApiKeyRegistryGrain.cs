using System.Security.Cryptography;
using System.Text;

namespace AccessGrid.Grains;

/// <summary>Creates, validates and revokes API keys. A key is 32 random bytes; only its SHA-256 is kept, so a leaked
/// state table cannot be replayed. Key ids are the first 12 hex digits of the hash.</summary>
public sealed class ApiKeyRegistryGrain(
    [PersistentState("keys", StorageNames.Keys)] IPersistentState<ApiKeyState> state,
    TimeProvider clock) : Grain, IApiKeyRegistryGrain
{
    private const string Prefix = "agk_";

    public async ValueTask<CreatedApiKey> Create(ApiRole role, string? doorId)
    {
        if (!Enum.IsDefined(role)) throw AccessGridException.Invalid("invalid_role", "role must be admin, hr, guard or reader.");
        if (role == ApiRole.Reader)
        {
            if (doorId is null) throw AccessGridException.Invalid("invalid_request", "A reader key needs the doorId it is bound to.");
            var door = Ids.Require(doorId, "A reader key's door id");
            if (await GrainFactory.GetGrain<IDoorGrain>(door).GetInfo() is null) throw AccessGridException.UnknownDoor(door);
        }
        else if (doorId is not null)
        {
            throw AccessGridException.Invalid("invalid_request", "Only reader keys are bound to a door.");
        }
        var created = await Add(role, doorId);
        await AuditLog.Change(GrainFactory, "key.created", doorId, null, $"Key {created.Info.KeyId} ({role}) created.");
        return created;
    }

    public async ValueTask<CreatedApiKey?> CreateBootstrapAdminIfNone()
    {
        if (state.State.ByHash.Values.Any(k => k.Role == ApiRole.Admin)) return null;
        var created = await Add(ApiRole.Admin, null);
        await AuditLog.Change(GrainFactory, "key.bootstrap", null, null, $"First admin key {created.Info.KeyId} created.");
        return created;
    }

    public ValueTask<ApiKeyInfo?> Validate(string key) =>
        ValueTask.FromResult(!string.IsNullOrEmpty(key) && state.State.ByHash.TryGetValue(Hash(key), out var info) ? info : null);

    public ValueTask<ApiKeyInfo[]> List() =>
        ValueTask.FromResult(state.State.ByHash.Values.OrderBy(k => k.CreatedAt).ToArray());

    public async ValueTask<bool> Revoke(string keyId)
    {
        var hash = state.State.ByHash.FirstOrDefault(p => p.Value.KeyId == keyId).Key;
        if (hash is null) return false;
        state.State.ByHash.Remove(hash);
        await state.WriteStateAsync();
        await AuditLog.Change(GrainFactory, "key.revoked", null, null, $"Key {keyId} revoked.");
        return true;
    }

    private async Task<CreatedApiKey> Add(ApiRole role, string? doorId)
    {
        var key = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var hash = Hash(key);
        var info = new ApiKeyInfo(hash[..12], role, doorId, clock.GetUtcNow());
        state.State.ByHash[hash] = info;
        await state.WriteStateAsync();
        return new CreatedApiKey(key, info);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
