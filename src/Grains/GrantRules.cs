namespace AccessGrid.Grains;

/// <summary>Whether a person's grants open a door at an instant. Pure functions: the staff grain owns the state.</summary>
public static class GrantRules
{
    /// <summary>The grants that apply to a door: its own, and its zone's.</summary>
    public static IEnumerable<Grant> For(IEnumerable<Grant> grants, string doorId, string zone) =>
        grants.Where(g => g.Scope == GrantScope.Door ? g.Target == doorId : g.Target == zone);

    /// <summary>The first grant that opens now, or the most telling reason none does:
    /// outside_schedule (the grant is valid, just not now) before the grant's term reasons (not_yet_valid, expired,
    /// pass_used_up), those before no_grant.</summary>
    public static (Grant? Opening, DecisionReason? Reason) Evaluate(IEnumerable<Grant> applicable, DateTimeOffset at)
    {
        DecisionReason? reason = DecisionReason.NoGrant;
        foreach (var grant in applicable)
        {
            var why = Check(grant, at);
            if (why is null) return (grant, null);
            if (why == DecisionReason.OutsideSchedule || reason == DecisionReason.NoGrant) reason = why;
        }
        return (null, reason);
    }

    /// <summary>Null when the grant opens at <paramref name="at"/>; otherwise not_yet_valid, expired, pass_used_up or
    /// outside_schedule.</summary>
    public static DecisionReason? Check(Grant grant, DateTimeOffset at)
    {
        var terms = grant.Terms;
        if (terms.ValidFrom is { } from && at < from) return DecisionReason.NotYetValid;
        if (terms.ValidUntil is { } until && at >= until) return DecisionReason.Expired;
        if (terms.MaxUses is { } max && grant.Uses >= max) return DecisionReason.PassUsedUp;
        if (terms.Schedule is { } schedule && !InSchedule(schedule, at)) return DecisionReason.OutsideSchedule;
        return null;
    }

    public static bool InSchedule(WeeklySchedule schedule, DateTimeOffset at)
    {
        var local = schedule.TimeZone is null ? at.UtcDateTime : TimeZoneInfo.ConvertTime(at, FindZone(schedule.TimeZone)).DateTime;
        var time = TimeOnly.FromDateTime(local);
        if (schedule.Windows.Length == 0) return DayMatches(schedule, local.DayOfWeek);
        foreach (var w in schedule.Windows)
        {
            if (w.Start < w.End)
            {
                if (time >= w.Start && time < w.End && DayMatches(schedule, local.DayOfWeek)) return true;
            }
            else
            {
                // Spans midnight: the part after midnight belongs to the day the window started on.
                if (time >= w.Start && DayMatches(schedule, local.DayOfWeek)) return true;
                if (time < w.End && DayMatches(schedule, local.AddDays(-1).DayOfWeek)) return true;
            }
        }
        return false;
    }

    /// <summary>Throws <see cref="AccessGridException"/> (Invalid, invalid_grant) for terms that can never make sense.</summary>
    public static void Validate(GrantTerms terms)
    {
        if (terms.ValidFrom is { } from && terms.ValidUntil is { } until && from >= until)
            throw AccessGridException.Invalid("invalid_grant", "validFrom must be before validUntil.");
        if (terms.MaxUses is < 1)
            throw AccessGridException.Invalid("invalid_grant", "maxUses must be at least 1.");
        if (terms.Schedule is { } s)
        {
            if (s.Days is null || s.Windows is null)
                throw AccessGridException.Invalid("invalid_grant", "A schedule needs days and windows (empty lists mean every day, all day).");
            if (s.Days.Any(d => !Enum.IsDefined(d)))
                throw AccessGridException.Invalid("invalid_grant", "schedule.days holds Monday … Sunday only.");
            if (s.Windows.Any(w => w is null || w.Start == w.End))
                throw AccessGridException.Invalid("invalid_grant", "A time window must not be empty (start equal to end).");
            if (s.TimeZone is not null) FindZone(s.TimeZone);
        }
    }

    private static bool DayMatches(WeeklySchedule schedule, DayOfWeek day) => schedule.Days.Length == 0 || schedule.Days.Contains(day);

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw AccessGridException.Invalid("invalid_grant", $"Unknown time zone '{id}'.");
        }
    }
}
