namespace AccessGrid.Grains;

/// <summary>One audit row exactly as storage holds it, for the chain check.</summary>
/// <param name="Location">Where it is ("partition/rowKey" in Table storage), for the report.</param>
/// <param name="CopyOf">Null for the chain's own row; else the index the copy serves ("door|id", "staff|id").</param>
/// <param name="Entry">The entry, or null when the row cannot be read as one.</param>
/// <param name="Problem">What is wrong with the row itself (unreadable, or its key does not fit its entry).</param>
public sealed record StoredAuditRow(string Location, string? CopyOf, AuditEntry? Entry, string? Problem);
