namespace AccessGrid.Cli.Import;

/// <summary>One line of the rejects CSV: which row (and photo, when it is about one) was not imported, and why.</summary>
/// <param name="Reason">Machine-readable: the API's reason code (e.g. invalid_id, unknown_door, too_blurry, not_an_image)
/// or the importer's own (missing_id, missing_name, malformed_row, photo_not_found).</param>
public sealed record ImportReject(int Line, string Id, string? Photo, string Reason, string Message);
