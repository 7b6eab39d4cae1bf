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
        var cpu = ThreadCpuClock.Now;
        var analysis = pipeline.Analyze(bytes);
        var cost = new FrameCost(0, 0, clock.Elapsed.TotalMilliseconds, (ThreadCpuClock.Now - cpu).TotalMilliseconds);
        var decoded = analysis.Succeeded ? ImageDecoder.Decode(bytes, pipeline.Options.MaxPixels).Image : null;
        if (decoded is null)
            return new ScoredFrame(sample, [], [], analysis.Problem ?? new ImageProblem(ImageProblemKind.NoFace, "No face found."), cost);

        var scores = new PassiveScore[analysis.Faces.Count];
        for (int f = 0; f < scores.Length; f++)
        {
            clock.Restart();
            cpu = ThreadCpuClock.Now;
            scores[f] = scorer.Score(decoded, analysis.Faces[f].Box);
            if (f == 0) cost = cost with { PassiveMs = clock.Elapsed.TotalMilliseconds, PassiveCpuMs = (ThreadCpuClock.Now - cpu).TotalMilliseconds };
        }
        return new ScoredFrame(sample, analysis.Faces, scores, null, cost);
    }
}
