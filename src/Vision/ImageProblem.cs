namespace AccessGrid.Vision;

/// <summary>Why an image produced no usable face. A typed result instead of an exception, so callers map it to 4xx or an exit code.</summary>
public sealed record ImageProblem(ImageProblemKind Kind, string Message);
