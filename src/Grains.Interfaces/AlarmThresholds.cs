namespace AccessGrid.Grains;

/// <summary>When a door raises an alarm: this many unknown faces, or this many denials (no_face excluded), within
/// the window. Spoof suspicions always raise one.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.AlarmThresholds")]
public sealed record AlarmThresholds(
    [property: Id(0)] int UnknownFaces,
    [property: Id(1)] int Denials,
    [property: Id(2)] int WindowSeconds)
{
    /// <summary>A stranger at a door is worth a look at once; three refusals within a minute are a pattern.</summary>
    public static AlarmThresholds Default { get; } = new(UnknownFaces: 1, Denials: 3, WindowSeconds: 60);
}
