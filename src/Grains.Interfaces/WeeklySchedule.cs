namespace AccessGrid.Grains;

/// <summary>When a grant applies during the week, in the door's local time.</summary>
/// <param name="Days">Days the grant applies; empty means every day.</param>
/// <param name="Windows">Time windows within those days; empty means all day. End before Start spans midnight.</param>
/// <param name="TimeZone">IANA or Windows time-zone id the days and windows are read in; null means UTC.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.WeeklySchedule")]
public sealed record WeeklySchedule(
    [property: Id(0)] DayOfWeek[] Days,
    [property: Id(1)] TimeWindow[] Windows,
    [property: Id(2)] string? TimeZone = null);
