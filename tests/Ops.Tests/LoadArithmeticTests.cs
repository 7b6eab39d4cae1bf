using AccessGrid.Ops.Drills;
using AccessGrid.Ops.Load;

namespace AccessGrid.Ops.Tests;

public sealed class LoadArithmeticTests
{
    [Theory]
    [InlineData(0.50, 50)]
    [InlineData(0.99, 99)]
    [InlineData(1.00, 100)]
    [InlineData(0.001, 1)]
    public void Nearest_rank_percentile_of_one_to_a_hundred(double p, double expected)
    {
        var sorted = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        Assert.Equal(expected, Percentiles.Of(sorted, p));
    }

    [Fact]
    public void Percentile_of_nothing_is_zero() => Assert.Equal(0, Percentiles.Of([], 0.99));

    [Theory]
    [InlineData("60s", 60)]
    [InlineData("2m", 120)]
    [InlineData("1h", 3600)]
    [InlineData("500ms", 0.5)]
    [InlineData("90", 90)]
    public void Durations_parse_as_typed(string text, double seconds)
    {
        Assert.True(DurationText.TryParse(text, out var d));
        Assert.Equal(seconds, d.TotalSeconds, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("-5s")]
    [InlineData("NaNs")]
    public void Nonsense_durations_are_refused(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData("70,20")]
    [InlineData("0,0,0")]
    [InlineData("a,b,c")]
    [InlineData("-1,2,3")]
    public void Bad_mixes_are_refused(string text) => Assert.Throws<FormatException>(() => LoadMix.Parse(text));

    [Fact]
    public void Report_counts_latency_from_the_due_time_and_sorts_errors_by_kind()
    {
        var settings = new LoadSettings(2, 10, TimeSpan.FromSeconds(1), LoadMix.Parse("1,1,1"), TimeSpan.FromSeconds(5));
        RequestOutcome Ok(double due, double ms, FrameKind kind, string decision, string reason, string? staff = null) =>
            new(due, ms, "d", kind, staff, 200, decision, reason, staff, Guid.NewGuid().ToString(), null);
        var outcomes = new List<RequestOutcome>
        {
            Ok(0.0, 10, FrameKind.Enrolled, "granted", "identified", "ann"),
            Ok(0.1, 20, FrameKind.Unknown, "denied", "unknown_face"),
            Ok(0.2, 30, FrameKind.NoFace, "denied", "unknown_face"), // wrong: a no-face frame must be no_face
            new(0.3, 5000, "d", FrameKind.Enrolled, "bob", 0, null, null, null, null, "timeout"),
            new(0.4, 1, "d", FrameKind.Enrolled, "bob", 0, null, null, null, null, "connection_refused"),
        };
        var report = LoadReport.From(outcomes, settings);
        Assert.Equal(5, report.Requests);
        Assert.Equal(3, report.Decisions);
        Assert.Equal(20, report.P50Ms);
        Assert.Equal(30, report.MaxMs);
        Assert.Equal(2, report.Errors);
        Assert.Equal(["connection_refused", "timeout"], report.ErrorsByKind.Keys);
        Assert.Equal((0, 1), report.OutcomesByFrame["noface"]);
        Assert.Equal((1, 0), report.OutcomesByFrame["enrolled"]);
        Assert.Equal(5.3, report.WallSeconds, 3); // the timeout due at 0.3 s ended at 5.3 s
    }

    [Fact]
    public void Recovery_is_the_longest_pause_in_decisions_after_the_fault()
    {
        RequestOutcome At(double due, double ms, string? error = null) =>
            new(due, ms, "d", FrameKind.Enrolled, "ann", error is null ? 200 : 0, "granted", "identified", "ann", "e", error);
        var outcomes = new List<RequestOutcome>
        {
            At(9.0, 10), At(10.0, 10), At(10.5, 10, "connection_refused"), At(11.0, 3000), At(14.5, 10), At(15.0, 10, "timeout"),
        };
        var (pause, lateErrors) = DrillLoad.Recovery(outcomes, fromSeconds: 10.2, settleSeconds: 14.9);
        Assert.Equal(14.0 - 10.2, pause, 6); // nothing came back between the fault and 14.0 s
        Assert.Equal(1, lateErrors);
    }
}
