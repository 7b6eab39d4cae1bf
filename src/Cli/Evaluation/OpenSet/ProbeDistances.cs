using AccessGrid.Vision;

namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>Every probe's distance to every enrolled identity (its nearest template), computed once, so that galleries
/// of any size S — the first S identities — can be ranked without searching again. An exact scan, as the index's
/// best-per-person answer would be without approximation.</summary>
public sealed class ProbeDistances
{
    private readonly float[]?[] _distances;

    public ProbeDistances(IReadOnlyList<EnrolledIdentity> identities, IReadOnlyList<float[]?> probes)
    {
        _distances = new float[]?[probes.Count];
        Parallel.For(0, probes.Count, p =>
        {
            if (probes[p] is not { } probe) return;
            var row = new float[identities.Count];
            for (var i = 0; i < row.Length; i++)
            {
                var best = float.PositiveInfinity;
                foreach (var template in identities[i].Templates) best = Math.Min(best, FaceDistance.Euclidean(probe, template));
                row[i] = best;
            }
            _distances[p] = row;
        });
    }

    public int Count => _distances.Length;

    /// <summary>Rank-1 and runner-up among the first <paramref name="size"/> identities; null when the probe has no face.
    /// With <paramref name="offsets"/> (score normalisation) each identity's distance is lowered by its offset first.</summary>
    public Nearest? Rank(int probe, int size, float[]? offsets = null)
    {
        if (_distances[probe] is not { } row) return null;
        var (best, first, second) = (-1, float.PositiveInfinity, float.PositiveInfinity);
        for (var i = 0; i < size; i++)
        {
            var d = offsets is null ? row[i] : row[i] - offsets[i];
            if (d < first) (best, first, second) = (i, d, first);
            else if (d < second) second = d;
        }
        return new Nearest(best, first, second);
    }
}
