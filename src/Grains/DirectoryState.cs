namespace AccessGrid.Grains;

/// <summary>Persisted list of doors (storage "directory").</summary>
[GenerateSerializer, Alias("AccessGrid.DirectoryState")]
public sealed class DirectoryState
{
    [Id(0)] public Dictionary<string, DoorInfo> Doors { get; set; } = [];

    /// <summary>Staff ids of the directory before it was partitioned; moved to the partitions, then empty.</summary>
    [Id(1)] public HashSet<string> Staff { get; set; } = [];
}
