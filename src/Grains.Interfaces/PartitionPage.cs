namespace AccessGrid.Grains;

/// <summary>One directory partition's answer: its first matching ids after the cursor, in id order, and how many of
/// its people match the text in all.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.PartitionPage")]
public sealed record PartitionPage(
    [property: Id(0)] string[] Ids,
    [property: Id(1)] int Total);
