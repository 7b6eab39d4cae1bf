namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>One person of an LFW-layout folder: their photos in file order and each photo's encoding (null when the
/// pipeline found no usable face in it).</summary>
public sealed record PersonPhotos(string Name, IReadOnlyList<float[]?> Encodings)
{
    public int Count => Encodings.Count;
}
