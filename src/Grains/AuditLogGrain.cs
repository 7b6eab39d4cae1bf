using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>Front of the audit store, local on every silo: appends do not funnel through one activation.</summary>
[StatelessWorker, Reentrant]
public sealed class AuditLogGrain(IAuditStore store) : Grain, IAuditLogGrain
{
    public async ValueTask Append(AuditEntry entry) => await store.Append(entry);

    public async ValueTask<AuditEntry[]> Query(AuditQuery query)
    {
        AuditFilter.Validate(query);
        return await store.Query(query);
    }
}
