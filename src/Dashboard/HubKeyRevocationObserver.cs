using AccessGrid.Grains;
using Microsoft.Extensions.Logging;

namespace AccessGrid.Dashboard;

/// <summary>This node's end of the revocation broadcast: closes the hub connections the revoked keys opened here.
/// REST calls and the Orleans Dashboard need nothing: they check the key on every request.</summary>
public sealed class HubKeyRevocationObserver(HubConnections connections, ILogger<HubKeyRevocationObserver> logger) : IKeyRevocationObserver
{
    public Task OnKeysRevoked(string[] keyIds)
    {
        var closed = connections.Close(keyIds);
        if (closed > 0) logger.LogInformation("Closed {Count} live connection(s) of revoked key(s) {Keys}", closed, string.Join(", ", keyIds));
        return Task.CompletedTask;
    }
}
