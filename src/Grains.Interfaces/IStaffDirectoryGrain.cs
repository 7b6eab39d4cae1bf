namespace AccessGrid.Grains;

/// <summary>The staff directory's front (a stateless worker on every silo, key 0): search, count and page through
/// everyone, by fanning out to the directory partitions and merging their answers in id order.</summary>
[Alias("AccessGrid.IStaffDirectoryGrain")]
public interface IStaffDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>One page of the people matching the query, and how many match in all. Throws
    /// <see cref="AccessGridException"/> (Invalid, <c>invalid_query</c>) for a limit, offset, cursor or text outside
    /// the rules of <see cref="StaffQuery"/>. To enumerate every id: <c>Find(new StaffQuery(Limit: 1000, After: next))</c>
    /// from <c>next = null</c> until <see cref="StaffIdPage.Next"/> is null.</summary>
    ValueTask<StaffIdPage> Find(StaffQuery query);
}
