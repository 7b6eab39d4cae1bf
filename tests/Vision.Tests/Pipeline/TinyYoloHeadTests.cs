namespace AccessGrid.Vision.Tests.Pipeline;

public sealed class TinyYoloHeadTests
{
    [Fact]
    public void Decodes_one_cell_with_sigmoid_offsets_and_anchor_sizes()
    {
        const int cells = 13;
        var head = new float[cells * cells * 25];
        Array.Fill(head, -10f); // every score far below threshold
        // Row 2, column 3, anchor 1: x = y = 0 (sigmoid 0.5), w = h = ln 2, score logit 2.
        int o = (2 * cells + 3) * 25 + 1 * 5;
        (head[o], head[o + 1], head[o + 2], head[o + 3], head[o + 4]) = (0, 0, MathF.Log(2), MathF.Log(2), 2);

        var found = TinyYoloHead.Decode(head, cells, 0.5f, squareSide: 1300);

        var d = Assert.Single(found);
        Assert.Equal(1 / (1 + MathF.Exp(-2)), d.Score, 5);
        float cell = 1300f / cells;
        float w = 2 * 6.041143f * cell, h = 2 * 7.080126f * cell;
        Assert.Equal(3.5f * cell - w / 2, d.Box.X, 2);
        Assert.Equal(2.5f * cell - h / 2, d.Box.Y, 2);
        Assert.Equal(w, d.Box.Width, 2);
        Assert.Equal(h, d.Box.Height, 2);
    }

    [Fact]
    public void Wrong_head_size_is_a_clear_error() =>
        Assert.Throws<ArgumentException>(() => TinyYoloHead.Decode(new float[100], 13, 0.5f, 416));
}
