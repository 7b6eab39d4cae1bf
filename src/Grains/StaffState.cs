namespace AccessGrid.Grains;

/// <summary>Persisted state of a person (storage "staff"). Templates hold encodings only, never images.</summary>
[GenerateSerializer, Alias("AccessGrid.StaffState")]
public sealed class StaffState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public StaffStatus Status { get; set; }
    [Id(2)] public List<FaceTemplate> Templates { get; set; } = [];
    [Id(3)] public List<Grant> Grants { get; set; } = [];
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
}
