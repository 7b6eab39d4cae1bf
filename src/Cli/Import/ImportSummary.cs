namespace AccessGrid.Cli.Import;

/// <summary>What one `accessgrid staff import` run did.</summary>
public sealed record ImportSummary(int Rows, int Created, int Existing, int PhotosEnrolled, int PhotosSkipped, IReadOnlyList<ImportReject> Rejects);
