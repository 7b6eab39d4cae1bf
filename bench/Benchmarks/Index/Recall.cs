namespace AccessGrid.Benchmarks.Index;

/// <summary>recall@1: the share of queries whose first answer is the exact nearest row.</summary>
public static class Recall
{
    public static double AtOne(ReadOnlySpan<int> found, ReadOnlySpan<int> truth)
    {
        if (found.Length != truth.Length) throw new ArgumentException("One answer per query is required.");
        int hits = 0;
        for (int i = 0; i < found.Length; i++) if (found[i] == truth[i]) hits++;
        return (double)hits / found.Length;
    }
}
