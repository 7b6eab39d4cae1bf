namespace AccessGrid.Grains;

/// <summary>Persisted people of one directory partition (storage "directory", state "staffDirectory"): id → name.
/// Names are kept as given; the search folds them when the partition loads.</summary>
[GenerateSerializer, Alias("AccessGrid.StaffDirectoryPartitionState")]
public sealed class StaffDirectoryPartitionState
{
    [Id(0)] public Dictionary<string, string> Names { get; set; } = new(StringComparer.Ordinal);
}
