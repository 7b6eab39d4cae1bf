namespace AccessGrid.Vision;

/// <summary>Tunables of <see cref="FacePipeline"/>. Defaults are the best configuration measured on lfw-dev (docs/benchmarks.md).</summary>
public sealed record PipelineOptions
{
    /// <summary>Detector input size (multiple of 32).</summary>
    public int DetectorSize { get; init; } = 416;
    /// <summary>Second detector size tried when the first finds nothing (0 disables the rescue pass).</summary>
    public int RescueDetectorSize { get; init; } = 320;
    public float MinDetectionScore { get; init; } = 0.5f;
    public float NmsIouThreshold { get; init; } = 0.4f;
    /// <summary>Faces whose detection box is smaller than this (pixels, shorter side) are dropped.</summary>
    public int MinFaceSize { get; init; } = 20;
    /// <summary>Average the encoding of the chip and its mirror image.</summary>
    public bool MirrorAverage { get; init; } = true;
    /// <summary>Images with more pixels are refused before decoding.</summary>
    public long MaxPixels { get; init; } = 40_000_000;
    public PrimaryFaceRule PrimaryFace { get; init; } = PrimaryFaceRule.LargestThenCentral;
}

/// <summary>How faces are ordered; index 0 is the primary face.</summary>
public enum PrimaryFaceRule
{
    /// <summary>Largest box first; boxes within 10 % of the largest area are ordered by distance to the image centre.</summary>
    LargestThenCentral,
    HighestScore,
}
