namespace AccessGrid.Cli.Audit;

/// <summary>The answer of <c>GET /api/audit/verify</c>, as the CLI reads it.</summary>
public sealed record AuditReport(int Chains, long Entries, long Rows, long Unsealed, long Orphans, bool Intact, AuditReportBreak? FirstBreak);

/// <summary>The first broken link: which chain, entry and row, and what is wrong.</summary>
public sealed record AuditReportBreak(string Chain, long? Sequence, string? Row, string Problem);
