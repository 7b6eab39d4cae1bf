using AccessGrid.Ops.Capacity;

namespace AccessGrid.Ops.Tests;

public sealed class StorageWallTests
{
    [Fact]
    public void Sizes_are_read_sorted_and_once() => Assert.Equal([10, 50, 100, 200], WallOptions.ParseSizes("200, 10,50,100,50"));

    [Theory]
    [InlineData("")]
    [InlineData("10,abc")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("2001")]
    public void Sizes_outside_the_range_or_not_numbers_are_refused(string text) =>
        Assert.Throws<ArgumentException>(() => WallOptions.ParseSizes(text));

    [Fact]
    public void The_probe_reports_median_worst_and_when_the_stalls_began()
    {
        // Forty quick writes with two stalls (at 4.0 s and 9.0 s), the pattern of a store that saves every 5 s.
        var samples = Enumerable.Range(0, 40).Select(i => (AtSeconds: i * 0.25, Ms: 3.0)).ToList();
        samples[16] = (4.0, 400);
        samples[36] = (9.0, InsertProbe.StallMs);
        var result = ProbeResult.From(samples);
        Assert.Equal(40, result.Inserts);
        Assert.Equal(3.0, result.P50Ms);
        Assert.Equal(400, result.MaxMs);
        Assert.Equal(2, result.Stalls);
        Assert.Equal([4.0, 9.0], result.StallsAtSeconds);
    }

    [Fact]
    public void A_probe_without_samples_reports_zeros()
    {
        var result = ProbeResult.From([]);
        Assert.Equal((0, 0.0, 0.0, 0), (result.Inserts, result.P50Ms, result.MaxMs, result.Stalls));
    }
}
