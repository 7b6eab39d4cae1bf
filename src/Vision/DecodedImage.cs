namespace AccessGrid.Vision;

/// <summary>The outcome of decoding: upright RGB pixels, or the reason there are none.</summary>
public sealed record DecodedImage(RgbImage? Image, ImageProblem? Problem)
{
    public static DecodedImage Fail(ImageProblemKind kind, string message) => new(null, new ImageProblem(kind, message));
}
