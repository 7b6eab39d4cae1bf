namespace AccessGrid.Vision;

/// <summary>Greedy non-maximum suppression as face-api's nonMaxSuppression: keep the best-scoring box, drop
/// every other box overlapping it by more than the IoU threshold, repeat.</summary>
public static class NonMaxSuppression
{
    /// <summary>The kept detections, best score first.</summary>
    public static List<Detection> Apply(IEnumerable<Detection> detections, float iouThreshold)
    {
        var remaining = detections.OrderByDescending(d => d.Score).ToList();
        var kept = new List<Detection>();
        while (remaining.Count > 0)
        {
            var best = remaining[0];
            kept.Add(best);
            remaining.RemoveAt(0);
            remaining.RemoveAll(d => IoU(best.Box, d.Box) > iouThreshold);
        }
        return kept;
    }

    public static float IoU(FaceBox a, FaceBox b)
    {
        float w = MathF.Max(0, MathF.Min(a.X + a.Width, b.X + b.Width) - MathF.Max(a.X, b.X));
        float h = MathF.Max(0, MathF.Min(a.Y + a.Height, b.Y + b.Height) - MathF.Max(a.Y, b.Y));
        float intersection = w * h;
        float union = a.Area + b.Area - intersection;
        return union > 0 ? intersection / union : 0;
    }
}
