using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace AccessGrid.Dashboard;

/// <summary>This node's open hub connections and the key each was authenticated with, so that a revoked key's
/// connections can be closed at once. A revoked key cannot reconnect: every (re)connection is authenticated anew.</summary>
public sealed class HubConnections
{
    private readonly ConcurrentDictionary<string, (string KeyId, HubCallerContext Context)> _open = new(StringComparer.Ordinal);

    public void Add(HubCallerContext context)
    {
        if (KeyIdOf(context.User) is { } keyId) _open[context.ConnectionId] = (keyId, context);
    }

    public void Remove(string connectionId) => _open.TryRemove(connectionId, out _);

    /// <summary>Aborts every connection opened with one of these keys; returns how many.</summary>
    public int Close(IReadOnlyCollection<string> keyIds)
    {
        var closed = 0;
        foreach (var (id, (keyId, context)) in _open)
        {
            if (!keyIds.Contains(keyId)) continue;
            context.Abort();
            _open.TryRemove(id, out _);
            closed++;
        }
        return closed;
    }

    /// <summary>The key id the dashboard's authentication put in the principal.</summary>
    private static string? KeyIdOf(ClaimsPrincipal? user) => user?.FindFirstValue(ClaimTypes.Name);
}
