using AccessGrid.Grains;
using Microsoft.AspNetCore.SignalR;

namespace AccessGrid.Dashboard;

/// <summary>This node's end of the relay: forwards each batch to the browsers connected to this node's hub.
/// A hub context reaches only local connections, which is why every node subscribes one of these.</summary>
public sealed class HubDecisionObserver(IHubContext<DecisionHub> hub) : IDecisionObserver
{
    public Task OnDecisions(Decision[] decisions) =>
        decisions.Length == 0 ? Task.CompletedTask : hub.Clients.All.SendAsync(DecisionHub.DecisionsMethod, decisions);
}
