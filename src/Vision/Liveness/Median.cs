namespace AccessGrid.Vision.Liveness;

internal static class Median
{
    public static float Of(IReadOnlyList<float> values)
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
