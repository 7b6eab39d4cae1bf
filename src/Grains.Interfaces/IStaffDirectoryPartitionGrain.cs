namespace AccessGrid.Grains;

/// <summary>One partition of the staff directory (key = partition number): the ids and names of the people whose id
/// hashes to it, so listing and searching never load everyone into one stored state. Kept by the staff grain; read
/// through <see cref="IStaffDirectoryGrain"/>.</summary>
[Alias("AccessGrid.IStaffDirectoryPartitionGrain")]
public interface IStaffDirectoryPartitionGrain : IGrainWithIntegerKey
{
    /// <summary>Records a person's id and current name (created or renamed).</summary>
    ValueTask Put(string staffId, string name);

    /// <summary>Forgets a person (erased).</summary>
    ValueTask Remove(string staffId);

    /// <summary>The first <paramref name="take"/> ids after <paramref name="after"/> that match <paramref name="text"/>
    /// (the rule of <see cref="StaffQuery.Text"/>), in id order, and how many match in this partition in all.</summary>
    ValueTask<PartitionPage> Find(string? text, string? after, int take);
}
