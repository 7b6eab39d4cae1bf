namespace AccessGrid.Grains;

/// <summary>One enrolled encoding of a person. Only the encoding is kept, never the image.</summary>
/// <param name="TemplateId">Unique id of this template.</param>
/// <param name="Embedding">L2-normalised 128-D encoding.</param>
/// <param name="Quality">Measurements taken at enrollment.</param>
/// <param name="EnrolledAt">When it was enrolled.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.FaceTemplate")]
public sealed record FaceTemplate(
    [property: Id(0)] Guid TemplateId,
    [property: Id(1)] float[] Embedding,
    [property: Id(2)] TemplateQuality Quality,
    [property: Id(3)] DateTimeOffset EnrolledAt);
