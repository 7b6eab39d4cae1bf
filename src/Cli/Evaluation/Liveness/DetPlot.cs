using ScottPlot;

namespace AccessGrid.Cli.Evaluation.Liveness;

/// <summary>det.png: BPCER against APCER, both on log axes (ISO/IEC 30107-3 style), with the operating point marked.</summary>
public static class DetPlot
{
    public static void SavePng(string path, string title, IReadOnlyList<(double Apcer, double Bpcer)> points, (double Apcer, double Bpcer) chosen, int liveCount, int spoofCount)
    {
        // Log axes cannot show 0: a zero rate is drawn at half of one presentation.
        double floorA = 0.5 / spoofCount, floorB = 0.5 / liveCount;
        double X(double a) => Math.Log10(Math.Max(a, floorA));
        double Y(double b) => Math.Log10(Math.Max(b, floorB));

        var plot = new Plot();
        RocPlot.UseSystemFont(plot);
        var line = plot.Add.Scatter(points.Select(p => X(p.Apcer)).ToArray(), points.Select(p => Y(p.Bpcer)).ToArray());
        line.LegendText = "passive live score (held-out subjects)";
        line.MarkerSize = 0;
        line.LineWidth = 2;
        var mark = plot.Add.Marker(X(chosen.Apcer), Y(chosen.Bpcer));
        mark.LegendText = "calibrated threshold";
        mark.Size = 10;

        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = x => $"{Math.Pow(10, x) * 100:G3} %",
        };
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimits(Math.Floor(Math.Log10(floorA)) - 0.1, 0.05, Math.Floor(Math.Log10(floorB)) - 0.1, 0.05);
        plot.Title(title);
        plot.XLabel("APCER (attacks accepted, log scale; 0 drawn at ½ presentation)");
        plot.YLabel("BPCER (live rejected, log scale)");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 900, 650);
    }
}
