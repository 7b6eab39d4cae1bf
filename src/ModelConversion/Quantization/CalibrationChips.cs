using AccessGrid.Vision;

namespace AccessGrid.ModelConversion.Quantization;

/// <summary>Face chips for calibrating the int8 encoder: every face the float pipeline finds in some photos (the
/// installer uses face-api's own demo photos, real multi-person pictures that ship in the npm package).</summary>
public static class CalibrationChips
{
    /// <summary>Each face's dlib chip and its mirror image (the encoder sees both with mirror averaging). Runs the
    /// float models only: the int8 net is what is being made.</summary>
    public static IReadOnlyList<FaceChip> FromImages(string modelsDirectory, IEnumerable<string> imagePaths)
    {
        var options = new PipelineOptions { MirrorAverage = false, Int8Encoder = false };
        using var pipeline = FacePipeline.Load(modelsDirectory, options);
        var chips = new List<FaceChip>();
        foreach (var path in imagePaths)
        {
            var bytes = File.ReadAllBytes(path);
            var analysis = pipeline.Analyze(bytes);
            if (!analysis.Succeeded || ImageDecoder.Decode(bytes, options.MaxPixels).Image is not { } image) continue;
            foreach (var face in analysis.Faces)
            {
                var chip = ChipExtractor.Extract(image, face.Landmarks);
                chips.Add(chip);
                var mirrored = new float[chip.Pixels.Length];
                FaceChip.Mirror(chip.Pixels, mirrored);
                chips.Add(chip with { Pixels = mirrored });
            }
        }
        return chips;
    }
}
