using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>Front of the audit store, local on every silo. Appends go to the day's chain writer
/// (<see cref="AuditChainGrain"/>), the single writer that links each entry to its predecessor; queries and the chain
/// check read the store directly; queries add people's current names (rows hold ids only).</summary>
[StatelessWorker, Reentrant]
public sealed class AuditLogGrain(IAuditStore store, IAuditArchive archive, IOptions<AccessGridOptions> options, TimeProvider clock) : Grain, IAuditLogGrain
{
    public async ValueTask Append(AuditEntry entry) =>
        await GrainFactory.GetGrain<IAuditChainGrain>(AuditChain.Of(entry.Timestamp)).Append(entry);

    public async ValueTask<AuditEntry[]> Query(AuditQuery query)
    {
        AuditFilter.Validate(query);
        var entries = string.IsNullOrWhiteSpace(query.Person)
            ? await AuditReader.Query(store, archive, query with { Person = null })
            : await PeopleEvents(query);
        return await WithCurrentNames(entries);
    }

    /// <summary>The events of everyone the directory finds for the person text: each person's newest events (their own
    /// index in the store), merged newest first. Every person contributes their newest <c>limit</c>, so the merge is exact.</summary>
    private async Task<AuditEntry[]> PeopleEvents(AuditQuery query)
    {
        var people = await GrainFactory.GetGrain<IStaffDirectoryGrain>(0).Find(new StaffQuery(query.Person, AuditQuery.MaxPeople));
        if (people.Total > AuditQuery.MaxPeople)
            throw AccessGridException.Invalid("invalid_query",
                $"'{query.Person}' matches {people.Total} people; type more of the name or id (at most {AuditQuery.MaxPeople}).");
        var each = await Task.WhenAll(people.Ids.Select(id => AuditReader.Query(store, archive, query with { StaffId = id, Person = null })));
        return [.. each.SelectMany(e => e)
            .OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.EventId, StringComparer.Ordinal)
            .Take(AuditFilter.Limit(query))];
    }

    /// <summary>Audit rows never hold a person's name: the chain forbids rewriting a row, and an erased person's name
    /// must not survive in one. A decision about a person gets their current name when it is read; an erased person's
    /// decisions keep only the id.</summary>
    private async Task<AuditEntry[]> WithCurrentNames(AuditEntry[] entries)
    {
        var ids = entries.Select(e => e.Decision?.StaffId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var profiles = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IStaffGrain>(id).GetProfile().AsTask()));
        var names = ids.Zip(profiles).Where(p => p.Second is not null).ToDictionary(p => p.First, p => p.Second!.Name, StringComparer.Ordinal);
        return [.. entries.Select(e => e.Decision is { StaffId: { } id } d ? e with { Decision = d with { Name = names.GetValueOrDefault(id) } } : e)];
    }

    public async ValueTask<AuditVerification> Verify() => await new AuditVerifier(store, clock, archive, options.Value.Audit).Verify();
}
