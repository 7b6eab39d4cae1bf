namespace AccessGrid.Grains;

/// <summary>A local time window within a day: Start inclusive, End exclusive.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.TimeWindow")]
public sealed record TimeWindow(
    [property: Id(0)] TimeOnly Start,
    [property: Id(1)] TimeOnly End);
