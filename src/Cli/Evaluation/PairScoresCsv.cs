using System.Globalization;
using System.Text;

namespace AccessGrid.Cli.Evaluation;

/// <summary>pairs.csv: every test pair with its distances, so thresholds and failures can be examined after the run.</summary>
public static class PairScoresCsv
{
    public const string FileName = "pairs.csv";

    public static void Write(string path, IReadOnlyList<ImagePair> pairs, ScoredPairs scored)
    {
        var csv = new StringBuilder("fold,same,image_a,image_b,euclidean,cosine,pixel_l2\n");
        for (var i = 0; i < pairs.Count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{pairs[i].Fold + 1},{(pairs[i].Same ? 1 : 0)},{pairs[i].A},{pairs[i].B},{Value(scored.Euclidean[i])},{Value(scored.Cosine[i])},{Value(scored.Pixel[i])}\n");
        }
        File.WriteAllText(path, csv.ToString());
    }

    // Empty cell for a pair that could not be scored.
    private static string Value(LabelledDistance d) => d.Failed ? "" : d.Distance.ToString("R", CultureInfo.InvariantCulture);
}
