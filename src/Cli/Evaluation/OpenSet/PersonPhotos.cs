using AccessGrid.Vision;

namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>One person of an LFW-layout folder: their photos in file order and each photo's encoding (null when the
/// pipeline found no usable face in it) and, when known, each face's quality.</summary>
/// <param name="Enrolled">The encodings enrollment would store, when they differ from the probes' (the jitter lever:
/// enrollment photos encoded with jittered chips); null: <see cref="Encodings"/>.</param>
public sealed record PersonPhotos(string Name, IReadOnlyList<float[]?> Encodings, IReadOnlyList<FaceQuality?>? Qualities = null,
    IReadOnlyList<float[]?>? Enrolled = null)
{
    /// <summary>The encoding of photo <paramref name="index"/>, or null when it has no face or (a probe quality gate,
    /// the lever of issue 14) its face is turned further than <paramref name="maxYaw"/>.</summary>
    public float[]? Probe(int index, float? maxYaw) =>
        maxYaw is { } limit && Qualities?[index] is { } q && Math.Abs(q.YawDegrees) > limit ? null : Encodings[index];

    public int Count => Encodings.Count;
}
