namespace AccessGrid.Grains;

/// <summary>One template found by a face-index search, with its exact distance.</summary>
/// <param name="Distance">Exact Euclidean distance between the query and the template.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.IndexHit")]
public sealed record IndexHit(
    [property: Id(0)] string StaffId,
    [property: Id(1)] Guid TemplateId,
    [property: Id(2)] float Distance);
