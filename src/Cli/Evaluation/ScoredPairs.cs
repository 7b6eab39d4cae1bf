using AccessGrid.Vision;

namespace AccessGrid.Cli.Evaluation;

/// <summary>Every pair of a pairs file scored three ways, index-aligned with the file's pairs.</summary>
public sealed record ScoredPairs(LabelledDistance[] Euclidean, LabelledDistance[] Cosine, LabelledDistance[] Pixel, int[] Folds)
{
    public static ScoredPairs Score(IReadOnlyList<ImagePair> pairs, IReadOnlyDictionary<LfwImage, EncodedImage> images)
    {
        var euclidean = new LabelledDistance[pairs.Count];
        var cosine = new LabelledDistance[pairs.Count];
        var pixel = new LabelledDistance[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            var (a, b, same) = (images[pairs[i].A], images[pairs[i].B], pairs[i].Same);
            if (a.Embedding is { } ea && b.Embedding is { } eb)
            {
                euclidean[i] = new LabelledDistance(FaceDistance.Euclidean(ea, eb), same);
                cosine[i] = new LabelledDistance(FaceDistance.Cosine(ea, eb), same);
            }
            else
            {
                euclidean[i] = cosine[i] = LabelledDistance.FailedPair(same);
            }
            pixel[i] = a.Pixels is { } pa && b.Pixels is { } pb
                ? new LabelledDistance(PixelBaseline.Distance(pa, pb), same)
                : LabelledDistance.FailedPair(same);
        }
        return new ScoredPairs(euclidean, cosine, pixel, pairs.Select(p => p.Fold).ToArray());
    }

    public int FailedPairs => Euclidean.Count(p => p.Failed);
}
