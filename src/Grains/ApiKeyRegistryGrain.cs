using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace AccessGrid.Grains;

/// <summary>Creates, validates and revokes API keys. A key is 32 random bytes; only its SHA-256 is kept, so a leaked
/// state table cannot be replayed. Key ids are the first 12 hex digits of the hash.</summary>
public sealed class ApiKeyRegistryGrain(
    [PersistentState("keys", StorageNames.Keys)] IPersistentState<ApiKeyState> state,
    TimeProvider clock,
    ILogger<ApiKeyRegistryGrain> logger) : Grain, IApiKeyRegistryGrain
{
    private const string Prefix = "agk_";
    private const int MaxText = 100;
    /// <summary>How stale <see cref="ApiKeyInfo.LastUsedAt"/> may be: a busy key costs one store write a minute at most.</summary>
    private static readonly TimeSpan UsePrecision = TimeSpan.FromMinutes(1);

    private readonly ObserverManager<IKeyRevocationObserver> _observers = new(TimeSpan.FromMinutes(5), logger);
    private bool _usesUnsaved;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SaveUses, new GrainTimerCreationOptions(UsePrecision, UsePrecision) { Interleave = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await SaveUses();

    public async ValueTask<CreatedApiKey> Create(ApiRole role, string? doorId, string? label = null, string? owner = null)
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
        var creator = AuditActors.Current();
        var created = await Add(role, doorId,
            Text(label, "label") ?? (doorId is null ? $"{role.ToString().ToLowerInvariant()} key" : $"Reader of door {doorId}"),
            Text(owner, "owner") ?? creator.Label,
            creator);
        await AuditLog.Change(GrainFactory, "key.created", doorId, null,
            $"Key {created.Info.KeyId} ({role}) '{created.Info.Label}' for '{created.Info.Owner}' created.");
        return created;
    }

    public async ValueTask<CreatedApiKey?> CreateBootstrapAdminIfNone()
    {
        if (state.State.ByHash.Values.Any(k => k.Role == ApiRole.Admin)) return null;
        var created = await Add(ApiRole.Admin, null, "First admin key", "installer", AuditActor.System);
        await AuditLog.Change(GrainFactory, "key.bootstrap", null, null, $"First admin key {created.Info.KeyId} created.");
        return created;
    }

    public ValueTask<ApiKeyInfo?> Validate(string key)
    {
        if (string.IsNullOrEmpty(key) || !state.State.ByHash.TryGetValue(Hash(key), out var info)) return ValueTask.FromResult<ApiKeyInfo?>(null);
        var now = clock.GetUtcNow();
        if (info.LastUsedAt is not { } last || now - last >= UsePrecision)
        {
            // Remembered now, stored by the timer: no storage write on the request path.
            info = info with { LastUsedAt = now };
            state.State.ByHash[Hash(key)] = info;
            _usesUnsaved = true;
        }
        return ValueTask.FromResult<ApiKeyInfo?>(info);
    }

    public ValueTask<ApiKeyInfo[]> List() =>
        ValueTask.FromResult(state.State.ByHash.Values.OrderBy(k => k.CreatedAt).ToArray());

    public async ValueTask<bool> Revoke(string keyId)
    {
        var hash = state.State.ByHash.FirstOrDefault(p => p.Value.KeyId == keyId).Key;
        if (hash is null) return false;
        await Remove([hash], $"Key {keyId} revoked.");
        return true;
    }

    public async ValueTask<int> RevokeDoorKeys(string doorId)
    {
        var hashes = state.State.ByHash.Where(p => p.Value.Role == ApiRole.Reader && p.Value.DoorId == doorId).Select(p => p.Key).ToArray();
        if (hashes.Length > 0) await Remove(hashes, $"Reader key(s) of removed door {doorId} revoked.", doorId);
        return hashes.Length;
    }

    public ValueTask<ApiKeyRecord[]> Export() =>
        ValueTask.FromResult(state.State.ByHash.OrderBy(p => p.Value.CreatedAt).Select(p => new ApiKeyRecord(p.Key, p.Value)).ToArray());

    public async ValueTask<RestoreOutcome> Restore(ApiKeyRecord[] keys)
    {
        var (added, skipped, rejected) = (0, 0, new List<RestoreReject>());
        foreach (var key in keys)
        {
            try
            {
                var (hash, info) = await CheckRestored(key);
                if (state.State.ByHash.ContainsKey(hash)) { skipped++; continue; }
                state.State.ByHash[hash] = info with { Label = Text(info.Label, "label") ?? "", Owner = Text(info.Owner, "owner") ?? "" };
                added++;
            }
            catch (AccessGridException e)
            {
                rejected.Add(new RestoreReject("key", key.Info?.KeyId ?? "", e.Reason, e.Message));
            }
        }
        if (added > 0) await state.WriteStateAsync();
        _usesUnsaved = false;
        return new RestoreOutcome(added, skipped, [.. rejected]);
    }

    /// <summary>A restored key must look like one this registry made: a SHA-256 in lower-case hex, its id the hash's
    /// first 12 digits, a defined role, a reader bound to an existing door and no other role bound to one.</summary>
    private async Task<(string Hash, ApiKeyInfo Info)> CheckRestored(ApiKeyRecord key)
    {
        if (key.Hash is not { Length: 64 } hash || !hash.All(char.IsAsciiHexDigitLower) || key.Info is not { } info || info.KeyId != hash[..12])
            throw AccessGridException.Invalid("invalid_key", "A key record holds a lower-case hex SHA-256 and the key id made from it.");
        if (!Enum.IsDefined(info.Role)) throw AccessGridException.Invalid("invalid_role", "role must be admin, hr, guard or reader.");
        if (info.Role == ApiRole.Reader)
        {
            var door = Ids.Require(info.DoorId, "A reader key's door id");
            if (await GrainFactory.GetGrain<IDoorGrain>(door).GetInfo() is null) throw AccessGridException.UnknownDoor(door);
        }
        else if (info.DoorId is not null)
        {
            throw AccessGridException.Invalid("invalid_request", "Only reader keys are bound to a door.");
        }
        return (hash, info);
    }

    public ValueTask Subscribe(IKeyRevocationObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return ValueTask.CompletedTask;
    }

    public ValueTask Unsubscribe(IKeyRevocationObserver observer)
    {
        _observers.Unsubscribe(observer);
        return ValueTask.CompletedTask;
    }

    private async Task Remove(string[] hashes, string detail, string? doorId = null)
    {
        var keyIds = hashes.Select(h => state.State.ByHash[h].KeyId).ToArray();
        foreach (var hash in hashes) state.State.ByHash.Remove(hash);
        await state.WriteStateAsync();
        _usesUnsaved = false;
        // Every node closes the live connections these keys opened; REST refuses them from the write above on.
        await _observers.Notify(o => o.OnKeysRevoked(keyIds));
        foreach (var keyId in keyIds)
            await AuditLog.Change(GrainFactory, "key.revoked", doorId, null, keyIds.Length == 1 ? detail : $"{detail} ({keyId})");
    }

    private async Task<CreatedApiKey> Add(ApiRole role, string? doorId, string label, string owner, AuditActor creator)
    {
        var key = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var hash = Hash(key);
        var info = new ApiKeyInfo(hash[..12], role, doorId, clock.GetUtcNow(), label, owner, creator);
        state.State.ByHash[hash] = info;
        await state.WriteStateAsync();
        _usesUnsaved = false;
        return new CreatedApiKey(key, info);
    }

    private async Task SaveUses()
    {
        if (!_usesUnsaved) return;
        _usesUnsaved = false;
        await state.WriteStateAsync();
    }

    /// <summary>Trimmed free text, null when absent; Invalid when too long or holding control characters.</summary>
    private static string? Text(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.Length > MaxText || text.Any(char.IsControl))
            throw new AccessGridException(AccessGridError.Invalid, $"The key's {what} must be at most {MaxText} characters, without control characters.");
        return text;
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
