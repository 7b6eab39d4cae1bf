using ScottPlot;

namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>det.png: FNIR against FPIR (log scale), with and without the runner-up margin, and the door's operating point.</summary>
public static class DetPlot
{
    public static void SavePng(string path, string title, IReadOnlyList<DetPoint> det, OperatingPoint door, double targetFpir)
    {
        var plot = new Plot();
        RocPlot.UseSystemFont(plot);
        // A log axis cannot show FPIR = 0: each curve starts at its first false accept.
        var lowest = 1.0;
        void Curve(string label, Func<DetPoint, double> fpir, Func<DetPoint, double> fnir)
        {
            var points = det.Where(p => fpir(p) > 0).ToArray();
            if (points.Length == 0) return;
            lowest = Math.Min(lowest, fpir(points[0]));
            var line = plot.Add.Scatter(points.Select(p => Math.Log10(fpir(p))).ToArray(), points.Select(fnir).ToArray());
            line.LegendText = label;
            line.MarkerSize = 0;
            line.LineWidth = 2;
        }
        Curve("rank-1 within threshold, runner-up margin (door)", p => p.Fpir, p => p.Fnir);
        Curve("rank-1 within threshold, no margin", p => p.FpirNoMargin, p => p.FnirNoMargin);

        var target = plot.Add.VerticalLine(Math.Log10(targetFpir));
        target.LegendText = $"target FPIR {targetFpir:0.###%}";
        target.LinePattern = LinePattern.Dashed;
        var doorX = Math.Log10(Math.Max(door.Fpir, lowest / 2));
        var marker = plot.Add.Marker(doorX, door.Fnir);
        marker.LegendText = FormattableString.Invariant($"door: t = {door.Threshold:F3}, FPIR {door.Fpir:P2}, FNIR {door.Fnir:P1}");
        marker.MarkerSize = 10;

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = x => $"1e{x:0}",
        };
        plot.Axes.SetLimits(Math.Min(Math.Floor(Math.Log10(lowest / 2)), -3) - 0.25, 0.05, 0, 1.02);
        plot.Title(title);
        plot.XLabel("false-positive identification rate, FPIR (log scale)");
        plot.YLabel("false-negative identification rate, FNIR");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 900, 650);
    }
}
