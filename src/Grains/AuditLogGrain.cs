using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>Front of the audit store, local on every silo. Appends go to the day's chain writer
/// (<see cref="AuditChainGrain"/>), the single writer that links each entry to its predecessor; queries and the chain
/// check read the store directly.</summary>
[StatelessWorker, Reentrant]
public sealed class AuditLogGrain(IAuditStore store, IAuditArchive archive, IOptions<AccessGridOptions> options, TimeProvider clock) : Grain, IAuditLogGrain
{
    public async ValueTask Append(AuditEntry entry) =>
        await GrainFactory.GetGrain<IAuditChainGrain>(AuditChain.Of(entry.Timestamp)).Append(entry);

    public async ValueTask<AuditEntry[]> Query(AuditQuery query)
    {
        AuditFilter.Validate(query);
        return await AuditReader.Query(store, archive, query);
    }

    public async ValueTask<AuditVerification> Verify() => await new AuditVerifier(store, clock, archive, options.Value.Audit).Verify();
}
