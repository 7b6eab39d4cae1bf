using AccessGrid.Vision;
using AccessGrid.Vision.Liveness;

namespace AccessGrid.Cli.Evaluation.Liveness;

/// <summary>One frame after the pipeline and the passive model: every face with its passive score.</summary>
/// <param name="Problem">Why no face came out of the frame (decode failure, no face), else null.</param>
/// <param name="Cost">What the frame cost on the scoring thread.</param>
public sealed record ScoredFrame(LivenessSample Sample, IReadOnlyList<Face> Faces, IReadOnlyList<PassiveScore> Scores, ImageProblem? Problem, FrameCost Cost)
{
    public PassiveScore? Primary => Scores.Count > 0 ? Scores[0] : null;
}

/// <param name="PassiveMs">Wall-clock time of the passive check (crop, tensor, model) for the primary face.</param>
/// <param name="PassiveCpuMs">Thread CPU time of the same.</param>
/// <param name="PipelineMs">Wall-clock time of decode, detection, landmarks and encoding.</param>
/// <param name="PipelineCpuMs">Thread CPU time of the same.</param>
public readonly record struct FrameCost(double PassiveMs, double PassiveCpuMs, double PipelineMs, double PipelineCpuMs);
