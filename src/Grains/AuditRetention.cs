namespace AccessGrid.Grains;

/// <summary>How long the audit is kept (<c>AccessGrid:Audit</c>).</summary>
public sealed class AuditRetention
{
    /// <summary>Days kept, counted back from today (UTC); older days are deleted whole, each deletion recorded.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often a silo asks for closed days to be archived and expired ones deleted.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The oldest day still kept at <paramref name="now"/>.</summary>
    public DateTimeOffset Horizon(DateTimeOffset now) => AuditChain.Start(AuditChain.Of(now)).AddDays(-RetentionDays);
}
