namespace AccessGrid.Cli;

/// <summary>Default decision thresholds, as Euclidean distances between L2-normalised encodings (cosine distance = d² / 2).</summary>
public static class Thresholds
{
    /// <summary>1:1 — the accuracy-maximising threshold on LFW pairsDevTrain with the default pipeline
    /// (`accessgrid eval pairs … --calibrate-on pairsDevTrain.txt`, docs/benchmarks.md).</summary>
    public const float VerifyEuclidean = 0.60f;

    /// <summary>1:K — stricter than 1:1 because a stranger is compared with every enrolled person and the chance that
    /// someone is close grows with the gallery (FPIR ≈ K × per-comparison false match rate). 0.45 sits in the band that
    /// decides every seed-office case right (0.42–0.59) and near the 1 % FPIR value measured for a 1,680-person gallery (0.40).</summary>
    public const float IdentifyEuclidean = 0.45f;
}
