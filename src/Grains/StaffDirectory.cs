namespace AccessGrid.Grains;

/// <summary>Where a person lives in the staff directory: a stable hash of the id picks one of a fixed number of
/// partitions, so every silo agrees without a lookup and no partition's stored state grows past the storage entity
/// limit (docs/architecture.md, "The staff directory", says how far that holds).</summary>
public static class StaffDirectory
{
    /// <summary>Fixed: changing it would strand people in the partitions they were hashed to.</summary>
    public const int Partitions = 256;

    public static int PartitionOf(string staffId) => FaceIndex.ShardNumber(staffId, Partitions);

    public static IStaffDirectoryPartitionGrain PartitionOf(IGrainFactory grains, string staffId) =>
        grains.GetGrain<IStaffDirectoryPartitionGrain>(PartitionOf(staffId));
}
