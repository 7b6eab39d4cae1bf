namespace AccessGrid.Cli.Import;

/// <summary>One person of the import CSV (1-based line number for messages); lists are `;`-separated in the file.</summary>
public sealed record StaffRow(int Line, string Id, string Name, IReadOnlyList<string> Photos, IReadOnlyList<string> Doors, IReadOnlyList<string> Zones);
