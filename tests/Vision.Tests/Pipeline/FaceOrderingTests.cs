namespace AccessGrid.Vision.Tests.Pipeline;

public sealed class FaceOrderingTests
{
    private static Face At(float x, float y, float side, float score) =>
        new(new FaceBox(x, y, side, side), score, [], [], new FaceQuality(side, 0, 0, 0, 0));

    [Fact]
    public void Largest_first_and_near_ties_go_to_the_most_central()
    {
        var corner = At(0, 0, 100, 0.9f);      // largest, far from the centre
        var centre = At(450, 350, 97, 0.6f);    // within 10 % of the largest area, central
        var small = At(800, 50, 40, 0.99f);

        var ordered = FaceOrdering.Order([corner, small, centre], PrimaryFaceRule.LargestThenCentral, 1000, 800);

        Assert.Equal([centre, corner, small], ordered);
    }

    [Fact]
    public void Highest_score_rule_orders_by_score()
    {
        var a = At(0, 0, 100, 0.6f);
        var b = At(200, 0, 50, 0.9f);
        Assert.Equal([b, a], FaceOrdering.Order([a, b], PrimaryFaceRule.HighestScore, 400, 400));
    }
}
