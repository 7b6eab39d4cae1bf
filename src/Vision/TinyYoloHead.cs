namespace AccessGrid.Vision;

/// <summary>Decodes the tiny face detector's YOLOv2 head as face-api's TinyYolov2Base.extractBoxes does.</summary>
public static class TinyYoloHead
{
    public const int CellSize = 32;
    public const int ValuesPerAnchor = 5; // x, y, w, h, score

    /// <summary>Anchor (width, height) in cells, from face-api's tinyFaceDetector/const.ts.</summary>
    public static readonly (float W, float H)[] Anchors =
    [
        (1.603231f, 2.094468f), (6.041143f, 7.080126f), (2.882459f, 3.518061f), (4.266906f, 5.178857f), (9.041765f, 10.66308f),
    ];

    /// <summary>Boxes scoring above <paramref name="minScore"/> from a raw NHWC head
    /// [1, cells, cells, anchors·5], in pixels of the square the input was made from (side
    /// <paramref name="squareSide"/>; the detector pads only bottom/right, so these are image pixels).</summary>
    public static List<Detection> Decode(ReadOnlySpan<float> head, int cells, float minScore, float squareSide)
    {
        int perCell = Anchors.Length * ValuesPerAnchor;
        if (head.Length != cells * cells * perCell)
            throw new ArgumentException($"Head has {head.Length} values; {cells}x{cells}x{perCell} expected.", nameof(head));

        var found = new List<Detection>();
        float toPixels = squareSide / cells;
        for (int row = 0; row < cells; row++)
        {
            for (int col = 0; col < cells; col++)
            {
                for (int a = 0; a < Anchors.Length; a++)
                {
                    var v = head.Slice((row * cells + col) * perCell + a * ValuesPerAnchor, ValuesPerAnchor);
                    float score = Sigmoid(v[4]);
                    if (!(score > minScore)) continue;
                    float cx = (col + Sigmoid(v[0])) * toPixels;
                    float cy = (row + Sigmoid(v[1])) * toPixels;
                    float w = MathF.Exp(v[2]) * Anchors[a].W * toPixels;
                    float h = MathF.Exp(v[3]) * Anchors[a].H * toPixels;
                    if (!float.IsFinite(w) || !float.IsFinite(h)) continue;
                    found.Add(new Detection(new FaceBox(cx - w / 2, cy - h / 2, w, h), score));
                }
            }
        }
        return found;
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
