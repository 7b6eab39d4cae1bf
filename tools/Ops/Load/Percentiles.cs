namespace AccessGrid.Ops.Load;

public static class Percentiles
{
    /// <summary>Nearest-rank percentile of an ascending array (0 when empty): p99 of 100 values is the 99th.</summary>
    public static double Of(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        int rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
