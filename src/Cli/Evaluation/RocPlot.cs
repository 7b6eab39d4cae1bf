using ScottPlot;

namespace AccessGrid.Cli.Evaluation;

/// <summary>roc.png: TAR against FAR on a log axis, with the pixel baseline for contrast.</summary>
public static class RocPlot
{
    private static readonly string[] FontCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ];

    public static void SavePng(string path, string title, IReadOnlyList<(string Label, Roc Roc)> curves)
    {
        var plot = new Plot();
        UseSystemFont(plot);
        var lowest = 1.0;
        foreach (var (label, roc) in curves)
        {
            // A log axis cannot show FAR = 0: the curve starts at the smallest measurable FAR (one false accept).
            var points = roc.Points.Where(p => p.Far > 0).ToArray();
            if (points.Length == 0) continue;
            lowest = Math.Min(lowest, points[0].Far);
            var line = plot.Add.Scatter(points.Select(p => Math.Log10(p.Far)).ToArray(), points.Select(p => p.Tar).ToArray());
            line.LegendText = label;
            line.MarkerSize = 0;
            line.LineWidth = 2;
        }

        var farMarker = plot.Add.VerticalLine(-3);
        farMarker.LegendText = "FAR 1e-3";
        farMarker.LinePattern = LinePattern.Dashed;

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = x => $"1e{x:0}",
        };
        // Keep the 1e-3 marker inside the frame even when the data starts there.
        plot.Axes.SetLimits(Math.Min(Math.Floor(Math.Log10(lowest)), -3) - 0.25, 0.05, 0, 1.02);
        plot.Title(title);
        plot.XLabel("false accept rate (log scale)");
        plot.YLabel("true accept rate");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 900, 650);
    }

    // SkiaSharp's dependency-free native build has no font lookup: register a system font file (once) so labels render.
    private static readonly Lazy<string?> RegisteredFont = new(() =>
    {
        var file = FontCandidates.FirstOrDefault(File.Exists);
        if (file is null) return null;
        const string name = "AccessGrid Plot Sans";
        Fonts.AddFontFile(name, file);
        return name;
    });

    internal static void UseSystemFont(Plot plot)
    {
        if (RegisteredFont.Value is { } name) plot.Font.Set(name);
    }
}
