using AccessGrid.Grains;

namespace AccessGrid.Gateway.Contracts;

/// <summary>Optional body of a grant: weekly schedule, validity window and, for a visitor pass, a use limit.
/// No body means "always".</summary>
public sealed record GrantRequest(WeeklySchedule? Schedule, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, int? MaxUses)
{
    public GrantTerms ToTerms() => new(Schedule, ValidFrom, ValidUntil, MaxUses);

    /// <summary>Null when the terms make sense; otherwise what is wrong with them.</summary>
    public string? Validate()
    {
        if (ValidFrom is not null && ValidUntil is not null && ValidUntil <= ValidFrom) return "validUntil must be after validFrom.";
        if (MaxUses is <= 0) return "maxUses must be positive.";
        if (Schedule is null) return null;
        if (Schedule.Days is null || Schedule.Windows is null) return "schedule needs days and windows (empty lists mean every day, all day).";
        if (Schedule.Windows.Any(w => w is null || w.Start == w.End)) return "A schedule window needs a start and a different end.";
        if (Schedule.TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(Schedule.TimeZone, out _))
            return $"Unknown time zone '{Schedule.TimeZone}'.";
        return null;
    }
}
