namespace AccessGrid.Grains;

/// <summary>A door's configuration.</summary>
/// <param name="Id">Door id (the grain key).</param>
/// <param name="Zone">Zone the door belongs to; zone grants open it.</param>
/// <param name="Liveness">What the door demands as proof of a live person (JSON "liveness": off, passive, active).</param>
/// <param name="Snapshots">Whether the door keeps a small picture of the face of each denied decision for guards
/// (opt-in, off by default; kept for the site's snapshot retention).</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.DoorInfo")]
public sealed record DoorInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Zone,
    [property: Id(3)] DoorMode Mode,
    [property: Id(4)] LivenessPolicy Liveness,
    [property: Id(5)] bool Snapshots = false);
