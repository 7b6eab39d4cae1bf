using AccessGrid.Vision;

namespace AccessGrid.Grains;

/// <summary>Identity fused over a burst: the mean of the encodings of the tracked person's best
/// <see cref="MaxFrames"/> faces (highest detector confidence among those that pass the decision quality gate),
/// L2-normalised again. Averaging cancels per-frame noise (blur, a half-closed eye, a landmark jitter) that makes a
/// strict 1:K threshold turn genuine people away; all faces belong to one tracked person, so nobody's features are
/// mixed. A burst of one is that face's encoding unchanged.</summary>
internal static class BurstIdentity
{
    public const int MaxFrames = 5;

    public static float[] Fuse(IReadOnlyList<AnalysedFace> goodFaces)
    {
        var best = goodFaces.OrderByDescending(f => f.Quality.DetectionScore).Take(MaxFrames).ToArray();
        // A burst of one, or encodings of different shapes (the index rejects those): the best face as it is.
        if (best.Length == 1 || best.Any(f => f.Embedding?.Length != best[0].Embedding?.Length)) return best[0].Embedding;
        return EncodingMean.Of([.. best.Select(f => f.Embedding)]);
    }
}
