namespace AccessGrid.Vision;

/// <summary>Orders faces so that index 0 is the one decisions are made on.</summary>
public static class FaceOrdering
{
    /// <summary>
    /// <see cref="PrimaryFaceRule.LargestThenCentral"/>: faces whose box area is within 10 % of the largest come
    /// first, nearest to the image centre first (the person at the door stands in the middle); the rest follow by
    /// decreasing area. <see cref="PrimaryFaceRule.HighestScore"/>: by decreasing detector score.
    /// </summary>
    public static List<Face> Order(IEnumerable<Face> faces, PrimaryFaceRule rule, int imageWidth, int imageHeight)
    {
        var list = faces.ToList();
        if (list.Count < 2) return list;
        if (rule == PrimaryFaceRule.HighestScore) return [.. list.OrderByDescending(f => f.Score)];

        float largest = list.Max(f => f.Box.Area);
        float cx = imageWidth / 2f, cy = imageHeight / 2f;
        bool NearLargest(Face f) => f.Box.Area >= 0.9f * largest;
        float CentreDistance(Face f) => MathF.Sqrt(MathF.Pow(f.Box.CenterX - cx, 2) + MathF.Pow(f.Box.CenterY - cy, 2));
        return [.. list.Where(NearLargest).OrderBy(CentreDistance), .. list.Where(f => !NearLargest(f)).OrderByDescending(f => f.Box.Area)];
    }
}
