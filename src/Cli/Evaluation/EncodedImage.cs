using AccessGrid.Vision;

namespace AccessGrid.Cli.Evaluation;

/// <summary>What the evaluation keeps of one dataset image: the primary face's encoding (null when the pipeline found
/// no usable face, with the reason), the naive pixel vector, and the pipeline's stage timings.</summary>
public sealed record EncodedImage(float[]? Embedding, ImageProblemKind? Problem, byte[]? Pixels, StageTimings Timings);
