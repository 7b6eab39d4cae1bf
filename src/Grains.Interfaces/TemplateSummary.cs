namespace AccessGrid.Grains;

/// <summary>A template as HR sees it: everything but the encoding.</summary>
/// <param name="Thumbnail">Whether the enrollment photo's thumbnail exists
/// (<c>GET /api/staff/{staffId}/faces/{templateId}/thumbnail</c>).</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.TemplateSummary")]
public sealed record TemplateSummary(
    [property: Id(0)] Guid TemplateId,
    [property: Id(1)] TemplateQuality Quality,
    [property: Id(2)] DateTimeOffset EnrolledAt,
    [property: Id(3)] bool Thumbnail = false);
