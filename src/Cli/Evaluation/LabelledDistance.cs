namespace AccessGrid.Cli.Evaluation;

/// <summary>A pair's distance (smaller = more alike) and its truth. NaN marks a pair whose images could not both be encoded.</summary>
public readonly record struct LabelledDistance(double Distance, bool Same)
{
    public bool Failed => double.IsNaN(Distance);

    public static LabelledDistance FailedPair(bool same) => new(double.NaN, same);
}
