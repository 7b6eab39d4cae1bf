using Microsoft.AspNetCore.SignalR;

namespace AccessGrid.Dashboard;

/// <summary>Pushes door decisions to signed-in browsers. Clients only listen: the server calls
/// <see cref="DecisionsMethod"/> with a batch of decisions, oldest first.</summary>
public sealed class DecisionHub : Hub
{
    public const string Path = "/hub/decisions";
    public const string DecisionsMethod = "decisions";
}
