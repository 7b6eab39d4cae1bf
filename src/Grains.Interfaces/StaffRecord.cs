namespace AccessGrid.Grains;

/// <summary>A person exactly as stored, for backup and restore: templates in their stored half precision (never
/// re-encoded), grants with their visitor-pass use counts.</summary>
/// <param name="Id">Staff id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Status">Active or suspended.</param>
/// <param name="CreatedAt">When the person was first created.</param>
/// <param name="Faces">Templates as stored.</param>
/// <param name="Grants">Door and zone grants, uses included.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.StaffRecord")]
public sealed record StaffRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] StaffStatus Status,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] StoredTemplate[] Faces,
    [property: Id(5)] Grant[] Grants);
