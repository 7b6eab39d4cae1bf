using AccessGrid.Vision;

namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>Score normalisation against each person's impostor neighbourhood (a lever of issue 14, measured only): a
/// person whose nearest other enrolled people are close (a crowded part of face space) gets a stricter threshold, an
/// isolated person a looser one. Offset of identity i = mean distance to its <c>cohort</c> nearest other identities
/// minus the gallery's median of that mean; the door's rule is then applied to distance − offset, so the gallery as a
/// whole keeps about the threshold the N·FMR formula gives. Computed from the gallery alone, as an index could.</summary>
public sealed class NeighbourhoodOffsets
{
    private readonly float[][] _between;
    private readonly int _cohort;
    private readonly Dictionary<int, float[]> _bySize = [];

    public NeighbourhoodOffsets(IReadOnlyList<EnrolledIdentity> identities, int cohort)
    {
        _cohort = cohort;
        _between = new float[identities.Count][];
        Parallel.For(0, identities.Count, i =>
        {
            var row = new float[identities.Count];
            for (var j = 0; j < row.Length; j++)
            {
                var best = float.PositiveInfinity;
                if (j != i)
                    foreach (var a in identities[i].Templates)
                        foreach (var b in identities[j].Templates) best = Math.Min(best, FaceDistance.Euclidean(a, b));
                row[j] = best;
            }
            _between[i] = row;
        });
    }

    /// <summary>The offsets for a gallery of the first <paramref name="size"/> identities (neighbours among them only).</summary>
    public float[] For(int size)
    {
        lock (_bySize)
        {
            if (_bySize.TryGetValue(size, out var cached)) return cached;
            var spread = new float[size];
            for (var i = 0; i < size; i++)
            {
                var nearest = _between[i].Take(size).Where(d => float.IsFinite(d)).Order().Take(_cohort).ToArray();
                spread[i] = nearest.Length == 0 ? float.NaN : nearest.Average();
            }
            var known = spread.Where(float.IsFinite).Order().ToArray();
            var median = known.Length == 0 ? 0 : known[known.Length / 2];
            var offsets = spread.Select(s => float.IsFinite(s) ? s - median : 0).ToArray();
            return _bySize[size] = offsets;
        }
    }
}
