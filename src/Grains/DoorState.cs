namespace AccessGrid.Grains;

/// <summary>Persisted configuration of a door (storage "doors").</summary>
[GenerateSerializer, Alias("AccessGrid.DoorState")]
public sealed class DoorState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string Zone { get; set; } = "";
    [Id(2)] public DoorMode Mode { get; set; }
    /// <summary>Off for doors stored before the policy existed (they keep deciding as before).</summary>
    [Id(3)] public LivenessPolicy Liveness { get; set; }
    /// <summary>Keeps decision snapshots of denials; off for doors stored before it existed and for new doors.</summary>
    [Id(4)] public bool Snapshots { get; set; }
}
