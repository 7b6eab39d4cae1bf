namespace AccessGrid.Cli.Evaluation;

/// <param name="MeanLoss">Mean of max(0, d(a,p)² − d(a,n)² + margin) over the scored triplets.</param>
/// <param name="ViolatedFraction">Share of scored triplets with a positive loss (negative not farther by the margin).</param>
/// <param name="Triplets">Triplets scored (all three images encoded).</param>
/// <param name="Skipped">Triplets left out because one of their images had no usable face.</param>
public sealed record TripletSummary(double MeanLoss, double ViolatedFraction, double Margin, int Triplets, int Skipped);
