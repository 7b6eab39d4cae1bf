namespace AccessGrid.Vision;

/// <summary>The L2-normalised mean of encodings of one person: what a burst fuses (its frames) and what a person's
/// aggregate template is (their enrollment photos). Averaging cancels per-photo noise — lighting, expression, a
/// landmark jitter — so the mean sits nearer the person's other photos than most single encodings do.</summary>
public static class EncodingMean
{
    /// <summary>Throws <see cref="ArgumentException"/> for no encodings or encodings of different lengths.</summary>
    public static float[] Of(IReadOnlyList<float[]> encodings)
    {
        if (encodings.Count == 0) throw new ArgumentException("The mean of no encodings is undefined.", nameof(encodings));
        var mean = new float[encodings[0].Length];
        foreach (var e in encodings)
        {
            if (e.Length != mean.Length) throw new ArgumentException($"Encodings differ in length ({e.Length} and {mean.Length}).", nameof(encodings));
            for (var i = 0; i < mean.Length; i++) mean[i] += e[i];
        }
        var norm = MathF.Sqrt(mean.Sum(v => v * v));
        if (norm > 0) for (var i = 0; i < mean.Length; i++) mean[i] /= norm;
        return mean;
    }
}
