using System.Globalization;
using System.Text;
using AccessGrid.Cli.Infrastructure;

namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>Writes report.json, report.md and det.png for `accessgrid eval openset`.</summary>
public static class OpenSetReportWriter
{
    public const string JsonFile = "report.json";
    public const string MarkdownFile = "report.md";
    public const string DetFile = "det.png";

    public static void Write(string folder, OpenSetReport report)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot create the output folder {folder}: {e.Message}");
        }
        File.WriteAllText(Path.Combine(folder, JsonFile), CliJson.Serialize(report) + "\n");
        File.WriteAllText(Path.Combine(folder, MarkdownFile), Markdown(report));
        DetPlot.SavePng(Path.Combine(folder, DetFile), $"open-set, {report.Settings.Enroll} photo(s) enrolled, {report.Door.GallerySize} identities — {report.Variant}",
            report.Det, report.Door, report.Thresholds.TargetFpir);
    }

    /// <summary>The headline as one line: what the command prints and what a benchmark row holds.</summary>
    public static string Summary(OpenSetReport r) => FormattableString.Invariant(
        $"{r.Variant}: enroll {r.Settings.Enroll}, {r.Door.GallerySize} identities, t = {r.Door.Threshold:F3}: FNIR {r.Door.Fnir:P1}, ") + FormattableString.Invariant(
        $"FPIR {r.Door.Fpir:P2}, wrong person {r.Door.WrongPersonRate:P2}, rank-1 {r.Door.Rank1Rate:P1}");

    public static string Markdown(OpenSetReport r)
    {
        var md = new StringBuilder();
        void Line(FormattableString? text = null) => md.AppendLine(text is null ? "" : text.ToString(CultureInfo.InvariantCulture));
        void Text(params FormattableString[] parts) => md.AppendLine(string.Concat(parts.Select(FormattableString.Invariant)));

        Line($"# Open-set identification — {r.Variant}");
        Line();
        Line($"{r.ImagesDirectory}: {r.People} people, {r.Images} images ({r.ImagesWithoutFace} without a usable face).");
        Text($"Gallery: the {r.GalleryPeople} people with more than {r.Settings.Enroll} photo(s), their first {r.Settings.Enroll} enrolled",
             $"{(r.Settings.Aggregate ? " plus their mean template" : "")}, the others probed ({r.Door.GenuineProbes} genuine probes); ",
             $"impostors: {r.ImpostorPeople} never-enrolled people ({r.Door.ImpostorProbes} probes); distractors available: {r.Distractors} ",
             $"other never-enrolled people, enrolled and never probed. Left out (no face in any enrollment photo): {r.UnenrollablePeople}.");
        Text($"Door rule: rank-1 within DecisionThresholds.IdentifyThreshold(gallery size) and clear of the runner-up by {r.Door.Margin:F2}; ",
             $"a probe without a usable face counts as a miss.");
        Line();
        Line($"| gallery identities | threshold | FNIR | FPIR | wrong person | rank-1 | FNIR at FPIR ≤ {r.Thresholds.TargetFpir:0.###%} (oracle threshold) |");
        Line($"|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in r.BySize)
        {
            var oracle = p.CalibratedThreshold is { } c ? FormattableString.Invariant($"{p.FnirAtCalibrated:P1} (t = {c:F4})") : "–";
            var mark = p.GallerySize == r.Door.GallerySize ? " (reported)" : "";
            Line($"| {p.GallerySize}{mark} | {p.Threshold:F4} | {p.Fnir:P1} | {p.Fpir:P2} ({p.FalseAccepts}/{p.ImpostorProbes}) | {p.WrongPersonRate:P2} ({p.WrongPerson}/{p.GenuineProbes}) | {p.Rank1Rate:P1} | {oracle} |");
        }
        Line();
        Line($"Thresholds calibrated on data, reported honestly: chosen on the even-indexed people's probes (loosest threshold with FPIR ≤ {r.Thresholds.TargetFpir:0.###%}), measured on the odd-indexed people's probes ({r.Door.GallerySize} identities):");
        Line();
        Line($"| threshold on the held-out half | threshold | FNIR | FPIR | wrong person |");
        Line($"|---|---:|---:|---:|---:|");
        foreach (var (name, p) in new[] { ("door (N·FMR formula)", r.DoorHeldOut), ("calibrated on the other half", r.HeldOutCalibrated) })
            Line($"| {name} | {p.Threshold:F4} | {p.Fnir:P1} | {p.Fpir:P2} ({p.FalseAccepts}/{p.ImpostorProbes}) | {p.WrongPersonRate:P2} ({p.WrongPerson}/{p.GenuineProbes}) |");
        Line();
        if (r.WrongPersonGrants.Count > 0)
        {
            Line($"Wrong-person grants at the door's threshold (#n: the n-th photo of the person's folder):");
            Line();
            foreach (var w in r.WrongPersonGrants)
                Line($"- {w.Person} #{w.Photo} granted as {w.GrantedAs} at {w.Distance:F4} (runner-up {w.RunnerUp:F4})");
            Line();
        }
        Line($"Genuine probes without a usable face: {r.Door.GenuineWithoutFace}. Encoding: {r.MsPerImage:F1} ms/image (0 when read from the cache).");
        Line();
        Line($"## DET ({r.Door.GallerySize} identities; {DetFile})");
        Line();
        Line($"| threshold | FPIR | FNIR | FPIR, no margin | FNIR, no margin |");
        Line($"|---:|---:|---:|---:|---:|");
        foreach (var p in r.Det.Where((_, i) => i % 8 == 0))
            Line($"| {p.Threshold:F3} | {p.Fpir:P2} | {p.Fnir:P1} | {p.FpirNoMargin:P2} | {p.FnirNoMargin:P1} |");
        return md.ToString();
    }
}
