namespace AccessGrid.Vision.Liveness;

/// <summary>One frame of a burst as the liveness stage needs it: the decoded pixels (the passive model reads the
/// context around the face) and the pipeline's analysis of them (boxes, landmarks, encodings).</summary>
public sealed record LivenessBurstFrame(RgbImage Image, FaceAnalysis Analysis);
