namespace AccessGrid.Cli;

/// <summary>Default decision thresholds, as Euclidean distances between L2-normalised encodings (cosine distance = d² / 2).
/// Both come from `accessgrid eval pairs --pairs pairsDevTest.txt --calibrate-on pairsDevTrain.txt` with the default
/// pipeline (report.json: threshold_euclidean 0.4207, threshold_euclidean_at_far_1e-3 0.3758).</summary>
/// <remarks>These are smaller than dlib's familiar 0.6 because the encodings are L2-normalised first.</remarks>
public static class Thresholds
{
    /// <summary>1:1 — the accuracy-maximising threshold on LFW pairsDevTrain.</summary>
    public const float VerifyEuclidean = 0.42f;

    /// <summary>1:K — stricter than 1:1 because a stranger is compared with every enrolled person, and the chance that
    /// someone is close grows with the gallery (FPIR ≈ K × per-comparison false accept rate). This is the threshold at a
    /// per-comparison FAR of 1e-3 on pairsDevTrain, i.e. an FPIR of about 1 % for a 10-person gallery; larger galleries
    /// need a stricter value (--threshold).</summary>
    public const float IdentifyEuclidean = 0.37f;
}
