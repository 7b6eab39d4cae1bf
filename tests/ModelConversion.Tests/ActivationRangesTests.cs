using AccessGrid.ModelConversion.Quantization;

namespace AccessGrid.ModelConversion.Tests;

public sealed class ActivationRangesTests
{
    private static readonly ActivationRanges Ranges = new(new Dictionary<string, (float Min, float Max)>
    {
        ["relu"] = (0f, 5.1f),
        ["signed"] = (-1f, 3f),
        ["positive"] = (2f, 4f),
        ["flat"] = (0f, 0f),
    });

    [Fact]
    public void A_relu_output_gets_zero_point_0_so_the_relu_can_fold_into_the_conv()
    {
        var (scale, zero) = Ranges.Uint8("relu");
        Assert.Equal(0.02f, scale, 6);
        Assert.Equal(0, zero);
    }

    [Fact]
    public void A_signed_range_puts_zero_exactly_on_a_code()
    {
        var (scale, zero) = Ranges.Uint8("signed");
        Assert.Equal(4f / 255f, scale, 6);
        Assert.Equal(64, zero); // round(1 / (4/255)) = round(63.75)
    }

    [Fact]
    public void The_range_is_widened_to_include_zero_and_a_flat_one_does_not_divide_by_zero()
    {
        Assert.Equal((4f / 255f, (byte)0), Ranges.Uint8("positive"));
        Assert.Equal((1f, (byte)0), Ranges.Uint8("flat"));
        Assert.Throws<InvalidOperationException>(() => Ranges.Uint8("missing"));
    }
}
