using System.Globalization;
using System.Text;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Vision.Liveness;

namespace AccessGrid.Cli.Evaluation.Liveness;

/// <summary>Writes report.json, report.md and det.png of `accessgrid eval liveness`.</summary>
public static class LivenessReportWriter
{
    public const string JsonFile = "report.json";
    public const string MarkdownFile = "report.md";
    public const string DetFile = "det.png";
    public const string FramesFile = "frames.csv";

    public static void Write(string folder, LivenessReport report, LiveScores testScores, IReadOnlyList<ScoredFrame> frames)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, FramesFile), FramesCsv(frames, report.TestSubjects));
        File.WriteAllText(Path.Combine(folder, JsonFile), CliJson.Serialize(report) + "\n");
        File.WriteAllText(Path.Combine(folder, MarkdownFile), Markdown(report));
        DetPlot.SavePng(Path.Combine(folder, DetFile), "Passive liveness (MiniFASNet, B,G,R, 2.7× context)",
            testScores.DetPoints(), (report.ApcerAtThreshold, report.BpcerAtThreshold), testScores.LiveCount, testScores.SpoofCount);
    }

    /// <summary>One row per frame (calibration and test) for analyses that should not need another scoring run.</summary>
    public static string FramesCsv(IReadOnlyList<ScoredFrame> frames, IReadOnlyList<string> testSubjects)
    {
        var csv = new StringBuilder("part,session,frame,live,faces,score,coverage,ear,lid_gap_over_nose,passive_cpu_ms,pipeline_cpu_ms\n");
        foreach (var f in frames)
        {
            var face = f.Faces.Count > 0 ? f.Faces[0] : null;
            string Opening(BlinkMeasure m) => face is null ? "" : EyeOpenness.Of(face.Landmarks, m).ToString("G6", CultureInfo.InvariantCulture);
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{(testSubjects.Contains(f.Sample.Subject) ? "test" : "calibration")},{f.Sample.Session},{f.Sample.Frame},{f.Sample.Live},{f.Faces.Count},{f.Primary?.LiveScore},{f.Primary?.Coverage},{Opening(BlinkMeasure.EyeAspectRatio)},{Opening(BlinkMeasure.LidGapOverNose)},{f.Cost.PassiveCpuMs:F3},{f.Cost.PipelineCpuMs:F3}"));
        }
        return csv.ToString();
    }

    public static string Markdown(LivenessReport r)
    {
        var md = new StringBuilder();
        void Line(FormattableString? text = null) => md.AppendLine(text is null ? "" : text.ToString(CultureInfo.InvariantCulture));

        Line($"# Liveness (presentation-attack detection)");
        Line();
        Line($"Split: {r.Split}. Calibration subjects {string.Join(", ", r.CalibrationSubjects)}; test subjects {string.Join(", ", r.TestSubjects)}. Every figure below is on the test subjects.");
        Line();
        Line($"## Per frame (passive, primary face)");
        Line();
        Line($"| AUC | APCER @ BPCER 1 % | APCER @ BPCER 3 % | BPCER @ APCER 5 % | threshold (calibrated at BPCER 3 %) | APCER / BPCER at it | live / spoof frames | undecidable | no face |");
        Line($"|---|---|---|---|---|---|---|---|---|");
        Line($"| {r.Auc:F4} | {r.ApcerAtBpcer1:P2} | {r.ApcerAtBpcer3:P2} | {r.BpcerAtApcer5:P2} | {r.Threshold:G4} | {r.ApcerAtThreshold:P2} / {r.BpcerAtThreshold:P2} | {r.FramesLive} / {r.FramesSpoof} | {r.Undecidable} | {r.NoFace} |");
        Line();
        Line($"- At the door default threshold {r.DoorThreshold:G3} (LivenessOptions.PassiveThreshold, also used for the bursts below): APCER {r.ApcerAtDoorThreshold:P2}, BPCER {r.BpcerAtDoorThreshold:P2}.");
        Line($"- The \"@\" columns are operating points of the test frames' own curve; the threshold column is chosen on the calibration subjects and applied unchanged to the test subjects.");
        Line($"- Undecidable (face context mostly outside the frame) and no-face frames are never accepted: they count as rejected live frames and can never be accepted attacks.");
        Line($"- Cost on one thread (thread CPU time): passive check {r.MsPerFrame:F2} ms per face (p95 {r.MsPerFrameP95:F2} ms; {r.WallMsPerFrame:F2} ms wall clock); pipeline (decode, detect, landmarks, encode) {r.PipelineMsPerFrame:F1} ms per frame; a 30-frame burst (pipeline + passive on every frame) ≈ {r.Burst30CpuMs:F0} ms CPU.");
        if (r.Bursts is { } b)
        {
            Line();
            Line($"## Per session (burst)");
            Line();
            Line($"| policy | APCER (attack sessions accepted) | BPCER (live sessions rejected) |");
            Line($"|---|---|---|");
            Line($"| active (score + blink) | {b.ActiveApcer:P1} of {b.SessionsSpoof} | {b.ActiveBpcer:P1} of {b.SessionsLive} |");
            Line($"| passive (median score only) | {b.PassiveApcer:P1} of {b.SessionsSpoof} | {b.PassiveBpcer:P1} of {b.SessionsLive} |");
            Line();
            Line($"Blink: closed when {b.BlinkMeasure} < {b.BlinkClosedRatio:G3} × the session median ({(b.BlinkSeparatesOnCalibration ? "chosen on the calibration sessions" : "**the defaults: no measure and ratio found a live blink on the calibration sessions without an attack blink**")}).");
            foreach (var measure in b.BlinkSweep.Select(p => p.Measure).Distinct())
                Line($"- calibration sweep, {measure} (ratio: live / attack sessions with a blink): {string.Join(", ", b.BlinkSweep.Where(p => p.Measure == measure).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Ratio:F2}: {p.LiveBlinks}/{p.SpoofBlinks}")))}");
            Line();
            Line($"| session | live | frames | passive | active | median score | blink | lowest opening / median | frames used | undecidable |");
            Line($"|---|---|---|---|---|---|---|---|---|---|");
            foreach (var s in b.Sessions)
                Line($"| {s.Session} | {(s.Live ? "yes" : "no")} | {s.Frames} | {s.PassiveVerdict} | {s.ActiveVerdict} | {(s.Score is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "–")} | {(s.Blink ? "yes" : "no")} | {s.LowestEarRatio:F3} | {s.FramesUsed} | {s.UndecidableFrames} |");
        }
        Line();
        Line($"![DET]({DetFile})");
        return md.ToString();
    }
}
