using AccessGrid.Vision;

namespace AccessGrid.Cli.Output;

/// <summary>The JSON document `detect --json` prints.</summary>
public sealed record DetectionReport(string Image, int Width, int Height, IReadOnlyList<FaceSummary> Faces, StageTimings TimingsMs)
{
    public static DetectionReport From(string image, FaceAnalysis analysis) => new(
        image, analysis.Width, analysis.Height, analysis.Faces.Select(FaceSummary.From).ToArray(), analysis.Timings);
}
