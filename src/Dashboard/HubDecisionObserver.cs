using AccessGrid.Grains;
using Microsoft.AspNetCore.SignalR;

namespace AccessGrid.Dashboard;

/// <summary>This node's end of the relay: counts each batch on the door board and forwards it to the browsers
/// connected to this node's hub. A hub context reaches only local connections, which is why every node subscribes
/// one of these.</summary>
public sealed class HubDecisionObserver(IHubContext<DecisionHub> hub, DoorBoard board) : IDecisionObserver
{
    public Task OnDecisions(Decision[] decisions)
    {
        if (decisions.Length == 0) return Task.CompletedTask;
        board.Record(decisions);
        return hub.Clients.All.SendAsync(DecisionHub.DecisionsMethod, decisions);
    }
}
