using AccessGrid.Grains;
using Microsoft.AspNetCore.DataProtection;

namespace AccessGrid.Dashboard;

/// <summary>The Orleans Dashboard is reached by plain navigation, so it cannot send the X-Api-Key header: its cookie
/// holds a data-protected ticket naming only the key's public id, never the key. Every request re-reads that id from
/// the key registry, so revoking the key ends the session at once; the ticket itself expires after <see cref="Lifetime"/>.</summary>
public sealed class OrleansDashboardSession(IDataProtectionProvider protection, IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("AccessGrid.Dashboard.OrleansSession").ToTimeLimitedDataProtector();

    /// <summary>The cookie value for a signed-in key.</summary>
    public string Issue(string keyId) => _protector.Protect(keyId, clock.GetUtcNow() + Lifetime);

    /// <summary>The key behind a cookie, or null when the ticket is forged, expired, or its key is revoked.</summary>
    public async Task<ApiKeyInfo?> Resolve(string cookie)
    {
        string keyId;
        try
        {
            keyId = _protector.Unprotect(cookie, out var expires);
            if (expires <= clock.GetUtcNow()) return null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        var keys = await grains.GetGrain<IApiKeyRegistryGrain>(0).List();
        return keys.FirstOrDefault(k => k.KeyId == keyId);
    }
}
