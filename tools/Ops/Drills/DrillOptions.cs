namespace AccessGrid.Ops.Drills;

/// <summary>The load a drill applies while it breaks something, and the frames it uses. <paramref name="Hard"/>:
/// restart-azurite kills the emulator (kill -9) instead of stopping it.</summary>
public sealed record DrillOptions(int Doors, double Rate, TimeSpan Duration, int People, string ImagesFolder, TimeSpan Timeout,
    int MalformedRequests, double MaxRssMegabytes, bool Hard = false);
