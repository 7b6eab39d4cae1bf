namespace AccessGrid.Grains;

/// <summary>A page of people as stored, in id order, and the cursor of the next page (null on the last one).</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.StaffRecordPage")]
public sealed record StaffRecordPage(
    [property: Id(0)] StaffRecord[] People,
    [property: Id(1)] string? Next);
