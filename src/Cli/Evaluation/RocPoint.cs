namespace AccessGrid.Cli.Evaluation;

/// <summary>One operating point: accepting every pair with distance ≤ <see cref="Threshold"/> gives these rates.</summary>
/// <param name="Far">False accept rate: accepted different-person pairs / all different-person pairs.</param>
/// <param name="Tar">True accept rate: accepted same-person pairs / all same-person pairs.</param>
public readonly record struct RocPoint(double Threshold, double Far, double Tar);
