using Microsoft.AspNetCore.SignalR;

namespace AccessGrid.Dashboard;

/// <summary>Pushes door decisions to signed-in browsers. Clients only listen: the server calls
/// <see cref="DecisionsMethod"/> with a batch of decisions, oldest first. Connections are tracked by key so that
/// revoking a key closes them (<see cref="HubConnections"/>).</summary>
public sealed class DecisionHub(HubConnections connections) : Hub
{
    public const string Path = "/hub/decisions";
    public const string DecisionsMethod = "decisions";

    public override Task OnConnectedAsync()
    {
        connections.Add(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
