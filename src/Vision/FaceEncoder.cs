using System.Numerics.Tensors;

namespace AccessGrid.Vision;

/// <summary>face-api's ResNet-34 face recogniser (face_recognition.onnx): input [N, 150, 150, 3] RGB 0..255,
/// output raw [N, 128]. Returns L2-normalised encodings.</summary>
public sealed class FaceEncoder(OnnxModel model)
{
    public const string InputName = "input";
    public const string OutputName = "embedding";
    public const int Dimensions = 128;

    /// <summary>Chips per network run: big enough to amortise the per-run cost, small enough to keep memory flat.</summary>
    public const int MaxBatch = 16;

    /// <summary>One L2-normalised 128-D encoding per chip. With <paramref name="mirrorAverage"/>, each chip and its
    /// mirror image go through the network together and their raw outputs are averaged before normalising
    /// (the face is nearly symmetric; averaging cancels some pose and lighting noise).</summary>
    public float[][] Encode(IReadOnlyList<FaceChip> chips, bool mirrorAverage)
    {
        var result = new float[chips.Count][];
        int copies = mirrorAverage ? 2 : 1;
        int chunk = Math.Max(1, MaxBatch / copies);
        for (int start = 0; start < chips.Count; start += chunk)
        {
            int count = Math.Min(chunk, chips.Count - start);
            const int perChip = FaceChip.Size * FaceChip.Size * 3;
            var input = new float[count * copies * perChip];
            for (int i = 0; i < count; i++)
            {
                var pixels = chips[start + i].Pixels;
                pixels.CopyTo(input.AsSpan(i * copies * perChip, perChip));
                if (mirrorAverage) FaceChip.Mirror(pixels, input.AsSpan((i * 2 + 1) * perChip, perChip));
            }

            var (output, _) = model.Run(input, [count * copies, FaceChip.Size, FaceChip.Size, 3]);
            if (output.Length != count * copies * Dimensions)
                throw new InvalidDataException($"{model.FileName} returned {output.Length} values for {count * copies} chips.");

            for (int i = 0; i < count; i++)
            {
                var embedding = output.AsSpan(i * copies * Dimensions, Dimensions).ToArray();
                if (mirrorAverage) TensorPrimitives.Add(embedding, output.AsSpan((i * 2 + 1) * Dimensions, Dimensions), embedding);
                result[start + i] = Normalize(embedding);
            }
        }
        return result;
    }

    private static float[] Normalize(float[] v)
    {
        float norm = TensorPrimitives.Norm(v);
        if (norm > 0) TensorPrimitives.Divide(v, norm, v);
        return v;
    }
}
