using AccessGrid.Vision;
using AccessGrid.Vision.Liveness;

namespace AccessGrid.Cli.Evaluation.Liveness;

/// <summary>One frame after the pipeline and the passive model: every face with its passive score.</summary>
/// <param name="Problem">Why no face came out of the frame (decode failure, no face), else null.</param>
/// <param name="PassiveMs">Time of the passive check (crop, tensor, model) for the primary face.</param>
/// <param name="PipelineMs">Decode, detection, landmarks and encoding of the frame.</param>
public sealed record ScoredFrame(LivenessSample Sample, IReadOnlyList<Face> Faces, IReadOnlyList<PassiveScore> Scores, ImageProblem? Problem, double PassiveMs, double PipelineMs)
{
    public PassiveScore? Primary => Scores.Count > 0 ? Scores[0] : null;
}
