namespace AccessGrid.Vision.Tests.Pipeline;

/// <summary>The budget of decoded pixels in flight: it never hands out more than it has, serves waiters in order, and
/// reads the pixel count from the header alone.</summary>
public sealed class DecodeBudgetTests
{
    [Fact]
    public void Takes_within_the_budget_do_not_wait_and_give_their_pixels_back()
    {
        var budget = new DecodeBudget(100);
        using (budget.Take(60))
        using (budget.Take(40))
        {
            Assert.Equal(0, budget.Available);
        }
        Assert.Equal(100, budget.Available);
    }

    [Fact]
    public async Task A_take_over_what_is_left_waits_until_enough_is_given_back_and_waiters_go_first_come_first_served()
    {
        var budget = new DecodeBudget(100);
        var first = budget.Take(80);
        var big = Task.Run(() => budget.Take(50));
        await WaitUntilWaiting(budget, 1);
        // Only 20 are left, and a small request behind the big one must not overtake it.
        var small = Task.Run(() => budget.Take(10));
        await WaitUntilWaiting(budget, 2);
        Assert.Equal(20, budget.Available);

        first.Dispose();
        using var bigLease = await big;
        using var smallLease = await small;
        Assert.Equal(40, budget.Available);
    }

    [Fact]
    public void An_image_larger_than_the_whole_budget_takes_all_of_it_rather_than_waiting_forever()
    {
        var budget = new DecodeBudget(100);
        using var lease = budget.Take(1_000);
        Assert.Equal(100, lease.Pixels);
        Assert.Equal(0, budget.Available);
    }

    [Fact]
    public void Giving_back_twice_counts_once()
    {
        var budget = new DecodeBudget(100);
        var lease = budget.Take(30);
        lease.Dispose();
        lease.Dispose();
        Assert.Equal(100, budget.Available);
    }

    [Fact]
    public void The_pixel_count_comes_from_the_header_alone()
    {
        Assert.Equal(7000L * 6000, ImageDecoder.DeclaredPixels(TestImages.PngDeclaring(7000, 6000)));
        Assert.Equal(0, ImageDecoder.DeclaredPixels("not an image"u8));
        Assert.Equal(0, ImageDecoder.DeclaredPixels([]));
    }

    private static async Task WaitUntilWaiting(DecodeBudget budget, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (budget.Waiting < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {count} waiting, {budget.Waiting} are");
            await Task.Yield();
        }
    }
}
