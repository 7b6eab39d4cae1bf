using System.Diagnostics;
using System.Globalization;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Vision;
using AccessGrid.Vision.Liveness;

namespace AccessGrid.Cli.Evaluation.Liveness;

/// <summary>Runs the face pipeline and the passive scorer over every frame, on one thread (so the timings are
/// per-thread costs), reporting progress on stderr about every 5 %.</summary>
public static class FrameScoring
{
    public static IReadOnlyList<ScoredFrame> Run(
        IReadOnlyList<LivenessSample> samples, FacePipeline pipeline, IPassiveLivenessScorer scorer, TextWriter progress, CancellationToken ct)
    {
        var results = new ScoredFrame[samples.Count];
        var clock = Stopwatch.StartNew();
        int step = Math.Max(1, samples.Count / 20);
        for (int i = 0; i < samples.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            results[i] = Score(samples[i], pipeline, scorer);
            if ((i + 1) % step == 0 || i + 1 == samples.Count)
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"liveness: {i + 1}/{samples.Count} frames scored ({clock.Elapsed.TotalSeconds:F0} s)"));
        }
        return results;
    }

    private static ScoredFrame Score(LivenessSample sample, FacePipeline pipeline, IPassiveLivenessScorer scorer)
    {
        var bytes = ImageFiles.Read(sample.Path);
        var clock = Stopwatch.StartNew();
        var analysis = pipeline.Analyze(bytes);
        var decoded = analysis.Succeeded ? ImageDecoder.Decode(bytes, pipeline.Options.MaxPixels).Image : null;
        double pipelineMs = analysis.Timings.Total;
        if (decoded is null)
            return new ScoredFrame(sample, [], [], analysis.Problem ?? new ImageProblem(ImageProblemKind.NoFace, "No face found."), 0, pipelineMs);

        var scores = new PassiveScore[analysis.Faces.Count];
        double passiveMs = 0;
        for (int f = 0; f < scores.Length; f++)
        {
            clock.Restart();
            scores[f] = scorer.Score(decoded, analysis.Faces[f].Box);
            if (f == 0) passiveMs = clock.Elapsed.TotalMilliseconds;
        }
        return new ScoredFrame(sample, analysis.Faces, scores, null, passiveMs, pipelineMs);
    }
}
