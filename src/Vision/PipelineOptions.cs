namespace AccessGrid.Vision;

/// <summary>Tunables of <see cref="FacePipeline"/>. Defaults are the best configuration measured on lfw-dev (docs/benchmarks.md).</summary>
public sealed record PipelineOptions
{
    /// <summary>Detector input size (multiple of 32). 320 first and 416 as rescue was chosen on LFW pairsDevTrain
    /// (98.95 % against 98.00 % for 416 then 320; docs/benchmarks.md): the tiny detector frames large faces better
    /// at 320, and finds small ones better at 416.</summary>
    public int DetectorSize { get; init; } = 320;
    /// <summary>Second detector size tried when the first finds nothing (0 disables the rescue pass).</summary>
    public int RescueDetectorSize { get; init; } = 416;
    /// <summary>Images whose longer side is at least this try the larger of the two detector sizes first (0
    /// disables): in a wide group photo the small faces are found only at the larger size.</summary>
    public int LargeImageMinSide { get; init; } = 1000;
    /// <summary>One more detector size tried, last, on frames whose longer side is at least
    /// <see cref="DistantFaceMinSide"/> when the other sizes find no face (0 disables). A face of ≤ ≈ 46 px in a
    /// 640×480 camera frame — a person a few metres from the door — is missed at 320 and 416 and found at 640
    /// (issue 15; cost and effect in docs/benchmarks.md, "Distant faces"). It runs only on frames without a face.</summary>
    public int DistantFaceDetectorSize { get; init; } = 640;
    /// <summary>Frames smaller than this (longer side) skip the distant-face pass: in them the default sizes already
    /// look at the face at about its own scale.</summary>
    public int DistantFaceMinSide { get; init; } = 640;
    public float MinDetectionScore { get; init; } = 0.5f;
    public float NmsIouThreshold { get; init; } = 0.4f;
    /// <summary>Faces whose detection box is smaller than this (pixels, shorter side) are dropped.</summary>
    public int MinFaceSize { get; init; } = 20;
    /// <summary>Average the encoding of the chip and its mirror image.</summary>
    public bool MirrorAverage { get; init; } = true;
    /// <summary>Average each face's encoding with those of this many jittered chips (<see cref="ChipJitter"/>, dlib's
    /// jitter; 0 = none). Measured as an enrollment-time lever with `eval openset --jitter N` (docs/benchmarks.md); each
    /// jitter costs one more encoder run per face.</summary>
    public int Jitter { get; init; }
    /// <summary>Encode with the int8 recognition net (<see cref="ModelStore.RecognitionInt8File"/>) instead of the
    /// float one. The default: on lfw-dev it scores 99.10 % against the float net's 98.80 % (within noise: it is
    /// kept because it does not lose accuracy) and halves the encoder's CPU time on this AVX-512 VNNI machine
    /// (docs/benchmarks.md). The float net stays installed and bit-identical to face-api.</summary>
    public bool Int8Encoder { get; init; } = true;

    /// <summary>The recognition model file these options encode with.</summary>
    public string RecognitionFile => Int8Encoder ? ModelStore.RecognitionInt8File : ModelStore.RecognitionFile;
    /// <summary>Images with more pixels are refused before decoding.</summary>
    public long MaxPixels { get; init; } = 40_000_000;
    /// <summary>Decoded pixels in flight across all concurrent analyses (<see cref="DecodeBudget"/>): 48 M lets one
    /// worst-case 40 MP image decode beside camera frames, and bounds decode memory at about 150 MB (3 bytes a pixel)
    /// whatever the number of cores or concurrent requests.</summary>
    public long DecodeBudgetPixels { get; init; } = 48_000_000;
    public PrimaryFaceRule PrimaryFace { get; init; } = PrimaryFaceRule.LargestThenCentral;
    /// <summary>Images whose longer side is below this are treated as tight face crops when the detector finds
    /// nothing: they are padded to 3× with replicated edges and searched again (0 disables). The tiny detector
    /// misses faces that fill the frame: the seed office's 96×96 crops are found only this way, and on LFW
    /// (250×250) pairsDevTest it turns 28 pairs without a face into none (accuracy 95.7 % → 98.5 %). 400 keeps
    /// the retry, and its cost, away from camera frames (640×480 and up).</summary>
    public int TightCropMaxSide { get; init; } = 400;
    /// <summary>ONNX Runtime intra-op threads per inference (1 suits a server running requests side by side).</summary>
    public int IntraOpNumThreads { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (DetectorSize <= 0 || DetectorSize % 32 != 0)
            throw new ArgumentException($"DetectorSize must be a positive multiple of 32 (got {DetectorSize}).");
        if (RescueDetectorSize < 0 || RescueDetectorSize % 32 != 0)
            throw new ArgumentException($"RescueDetectorSize must be 0 or a positive multiple of 32 (got {RescueDetectorSize}).");
        if (DistantFaceDetectorSize < 0 || DistantFaceDetectorSize % 32 != 0)
            throw new ArgumentException($"DistantFaceDetectorSize must be 0 or a positive multiple of 32 (got {DistantFaceDetectorSize}).");
        if (DistantFaceMinSide < 0) throw new ArgumentException($"DistantFaceMinSide must be >= 0 (got {DistantFaceMinSide}).");
        if (!(MinDetectionScore is >= 0 and < 1)) throw new ArgumentException($"MinDetectionScore must be in [0, 1) (got {MinDetectionScore}).");
        if (!(NmsIouThreshold is > 0 and <= 1)) throw new ArgumentException($"NmsIouThreshold must be in (0, 1] (got {NmsIouThreshold}).");
        if (MinFaceSize < 0) throw new ArgumentException($"MinFaceSize must be >= 0 (got {MinFaceSize}).");
        if (MaxPixels <= 0) throw new ArgumentException($"MaxPixels must be positive (got {MaxPixels}).");
        if (DecodeBudgetPixels <= 0) throw new ArgumentException($"DecodeBudgetPixels must be positive (got {DecodeBudgetPixels}).");
        if (LargeImageMinSide < 0) throw new ArgumentException($"LargeImageMinSide must be >= 0 (got {LargeImageMinSide}).");
        if (TightCropMaxSide < 0) throw new ArgumentException($"TightCropMaxSide must be >= 0 (got {TightCropMaxSide}).");
        if (Jitter is < 0 or > 100) throw new ArgumentException($"Jitter must be 0..100 (got {Jitter}).");
        if (IntraOpNumThreads < 1) throw new ArgumentException($"IntraOpNumThreads must be >= 1 (got {IntraOpNumThreads}).");
        if (!Enum.IsDefined(PrimaryFace)) throw new ArgumentException($"Unknown PrimaryFace rule {PrimaryFace}.");
    }
}
