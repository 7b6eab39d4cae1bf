namespace AccessGrid.Grains;

/// <summary>A template as HR sees it: everything but the encoding.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.TemplateSummary")]
public sealed record TemplateSummary(
    [property: Id(0)] Guid TemplateId,
    [property: Id(1)] TemplateQuality Quality,
    [property: Id(2)] DateTimeOffset EnrolledAt);
