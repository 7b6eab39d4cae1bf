using System.Buffers.Binary;

namespace AccessGrid.Grains;

/// <summary>A template as the staff state stores it: the encoding as 128 IEEE half-precision values (256 bytes,
/// little-endian) instead of a JSON array of 128 floats (≈ 1.4 KB). The encodings are L2-normalised, so every value lies
/// in [-1, 1], where a half keeps 11 significant bits (an absolute error ≤ 2⁻¹²); on lfw-dev this changes no pair
/// decision (docs/benchmarks.md, "Compact person state").</summary>
/// <param name="TemplateId">Unique id of this template.</param>
/// <param name="Half">The encoding, 2 bytes per value.</param>
/// <param name="Quality">Measurements taken at enrollment.</param>
/// <param name="EnrolledAt">When it was enrolled.</param>
/// <param name="Thumbnail">Whether a thumbnail of the enrollment photo is in the <see cref="IFaceImageStore"/>
/// (false for templates enrolled before thumbnails existed).</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.StoredTemplate")]
public sealed record StoredTemplate(
    [property: Id(0)] Guid TemplateId,
    [property: Id(1)] byte[] Half,
    [property: Id(2)] TemplateQuality Quality,
    [property: Id(3)] DateTimeOffset EnrolledAt,
    [property: Id(4)] bool Thumbnail = false)
{
    public static StoredTemplate From(FaceTemplate template, bool thumbnail = false) =>
        new(template.TemplateId, Pack(template.Embedding), template.Quality, template.EnrolledAt, thumbnail);

    /// <summary>The template as HR sees it.</summary>
    public TemplateSummary Summary() => new(TemplateId, Quality, EnrolledAt, Thumbnail);

    /// <summary>The template with its encoding widened back to floats (exactly the values the index receives).</summary>
    public FaceTemplate ToTemplate() => new(TemplateId, Unpack(Half), Quality, EnrolledAt);

    /// <summary>An encoding rounded to what storage keeps, so the state, the index and every later read agree.</summary>
    public static float[] Round(float[] embedding) => Unpack(Pack(embedding));

    private static byte[] Pack(float[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * 2), (Half)values[i]);
        return bytes;
    }

    private static float[] Unpack(byte[] bytes)
    {
        var values = new float[bytes.Length / 2];
        for (var i = 0; i < values.Length; i++) values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(i * 2));
        return values;
    }
}
