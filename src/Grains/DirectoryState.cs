namespace AccessGrid.Grains;

/// <summary>Persisted lists of doors and staff ids (storage "directory").</summary>
[GenerateSerializer, Alias("AccessGrid.DirectoryState")]
public sealed class DirectoryState
{
    [Id(0)] public Dictionary<string, DoorInfo> Doors { get; set; } = [];
    [Id(1)] public HashSet<string> Staff { get; set; } = [];
}
