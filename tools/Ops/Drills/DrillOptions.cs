namespace AccessGrid.Ops.Drills;

/// <summary>The load a drill applies while it breaks something, and the frames it uses. <paramref name="Hard"/>:
/// restart-storage kills the store (kill -9) instead of stopping it. <paramref name="Postgres"/>: the cluster keeps
/// its state and its cluster membership in a private PostgreSQL instead of Azurite (no Azurite is started).</summary>
public sealed record DrillOptions(int Doors, double Rate, TimeSpan Duration, int People, string ImagesFolder, TimeSpan Timeout,
    int MalformedRequests, double MaxRssMegabytes, bool Hard = false, bool Postgres = false);
