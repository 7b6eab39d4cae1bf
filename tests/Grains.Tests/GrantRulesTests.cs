namespace AccessGrid.Grains.Tests;

public sealed class GrantRulesTests
{
    // Wednesday 2025-01-15 09:30 UTC
    private static readonly DateTimeOffset Wednesday0930 = new(2025, 1, 15, 9, 30, 0, TimeSpan.Zero);

    private static Grant GrantWith(GrantTerms terms, int uses = 0) => new(GrantScope.Door, "front", terms, uses, DateTimeOffset.UnixEpoch);

    private static WeeklySchedule Weekdays(string start, string end, string? zone = null) => new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        [new TimeWindow(TimeOnly.Parse(start), TimeOnly.Parse(end))], zone);

    [Theory]
    [InlineData("08:00", "18:00", 0, true)]
    [InlineData("10:00", "18:00", 0, false)]
    [InlineData("08:00", "09:30", 0, false)] // end is exclusive
    [InlineData("09:30", "10:00", 0, true)]  // start is inclusive
    [InlineData("08:00", "18:00", 4, false)] // Sunday
    public void Weekly_windows_apply_on_listed_days_only(string start, string end, int addDays, bool expected) =>
        Assert.Equal(expected, GrantRules.InSchedule(Weekdays(start, end), Wednesday0930.AddDays(addDays)));

    [Fact]
    public void A_window_across_midnight_belongs_to_the_day_it_starts()
    {
        var nights = new WeeklySchedule([DayOfWeek.Friday], [new TimeWindow(new TimeOnly(22, 0), new TimeOnly(6, 0))]);
        var friday = new DateTimeOffset(2025, 1, 17, 0, 0, 0, TimeSpan.Zero);
        Assert.True(GrantRules.InSchedule(nights, friday.AddHours(23)));
        Assert.True(GrantRules.InSchedule(nights, friday.AddDays(1).AddHours(5))); // Saturday 05:00, Friday's night
        Assert.False(GrantRules.InSchedule(nights, friday.AddHours(5)));           // Friday 05:00 is Thursday's night
        Assert.False(GrantRules.InSchedule(nights, friday.AddDays(1).AddHours(23)));
    }

    [Fact]
    public void Schedules_are_read_in_their_time_zone()
    {
        // 09:30 UTC is 18:30 in Tokyo: inside 08-18 UTC, outside 08-18 Tokyo time.
        Assert.True(GrantRules.InSchedule(Weekdays("08:00", "18:00"), Wednesday0930));
        Assert.False(GrantRules.InSchedule(Weekdays("08:00", "18:00", "Asia/Tokyo"), Wednesday0930));
        Assert.True(GrantRules.InSchedule(Weekdays("18:00", "19:00", "Asia/Tokyo"), Wednesday0930));
    }

    [Fact]
    public void Validity_bounds_and_use_limits_say_which_term_refused()
    {
        Assert.Null(GrantRules.Check(GrantWith(GrantTerms.Always), Wednesday0930));
        Assert.Equal(DecisionReason.Expired, GrantRules.Check(GrantWith(new GrantTerms(ValidUntil: Wednesday0930)), Wednesday0930));
        Assert.Null(GrantRules.Check(GrantWith(new GrantTerms(ValidFrom: Wednesday0930)), Wednesday0930));
        Assert.Equal(DecisionReason.NotYetValid, GrantRules.Check(GrantWith(new GrantTerms(ValidFrom: Wednesday0930.AddTicks(1))), Wednesday0930));
        Assert.Null(GrantRules.Check(GrantWith(new GrantTerms(MaxUses: 3), uses: 2), Wednesday0930));
        Assert.Equal(DecisionReason.PassUsedUp, GrantRules.Check(GrantWith(new GrantTerms(MaxUses: 3), uses: 3), Wednesday0930));
        Assert.Equal(DecisionReason.OutsideSchedule, GrantRules.Check(GrantWith(new GrantTerms(Weekdays("10:00", "11:00"))), Wednesday0930));
    }

    [Fact]
    public void The_most_telling_reason_wins_and_any_open_grant_opens()
    {
        var expired = GrantWith(new GrantTerms(ValidUntil: Wednesday0930.AddDays(-1)));
        var wrongTime = GrantWith(new GrantTerms(Weekdays("10:00", "11:00")));
        var open = GrantWith(GrantTerms.Always);

        Assert.Equal(DecisionReason.NoGrant, GrantRules.Evaluate([], Wednesday0930).Reason);
        Assert.Equal(DecisionReason.Expired, GrantRules.Evaluate([expired], Wednesday0930).Reason);
        Assert.Equal(DecisionReason.OutsideSchedule, GrantRules.Evaluate([wrongTime, expired], Wednesday0930).Reason);
        Assert.Equal(DecisionReason.OutsideSchedule, GrantRules.Evaluate([expired, wrongTime], Wednesday0930).Reason);
        Assert.Same(open, GrantRules.Evaluate([expired, open], Wednesday0930).Opening);
    }

    [Fact]
    public void Door_grants_match_the_door_and_zone_grants_its_zone()
    {
        Grant[] grants =
        [
            new(GrantScope.Door, "front", GrantTerms.Always, 0, DateTimeOffset.UnixEpoch),
            new(GrantScope.Zone, "lab", GrantTerms.Always, 0, DateTimeOffset.UnixEpoch),
        ];
        Assert.Single(GrantRules.For(grants, "front", "lobby"));
        Assert.Single(GrantRules.For(grants, "lab-door", "lab"));
        Assert.Empty(GrantRules.For(grants, "back", "lobby"));
        Assert.Empty(GrantRules.For(grants, "lab", "lobby")); // a door named like a zone is not that zone
    }
}
