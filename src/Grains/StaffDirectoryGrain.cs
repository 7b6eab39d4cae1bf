using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>The staff directory's front, local on every silo: owns the paging rules (limit, offset, cursor, text) and
/// merges the partitions' answers (<see cref="DirectoryPager"/>).</summary>
[StatelessWorker, Reentrant]
public sealed class StaffDirectoryGrain : Grain, IStaffDirectoryGrain
{
    public async ValueTask<StaffIdPage> Find(StaffQuery query)
    {
        Validate(query);
        return await DirectoryPager.Page(StaffDirectory.Partitions,
            (p, after, take) => GrainFactory.GetGrain<IStaffDirectoryPartitionGrain>(p).Find(query.Text, after, take).AsTask(), query);
    }

    /// <summary>Throws <see cref="AccessGridException"/> (Invalid, invalid_query) naming what is wrong.</summary>
    public static void Validate(StaffQuery query)
    {
        if (query.Limit is < 1 or > StaffQuery.MaxLimit)
            throw Invalid($"limit must be within 1..{StaffQuery.MaxLimit}.");
        if (query.Offset is < 0 or > StaffQuery.MaxOffset)
            throw Invalid($"offset must be within 0..{StaffQuery.MaxOffset}; page further with the cursor.");
        if (query.After is not null && !Ids.IsValid(query.After))
            throw Invalid("cursor must be the 'next' value of a previous page (a staff id).");
        if (query.Text is { Length: > StaffQuery.MaxTextLength })
            throw Invalid($"q must be at most {StaffQuery.MaxTextLength} characters.");
    }

    private static AccessGridException Invalid(string message) => AccessGridException.Invalid("invalid_query", message);
}
