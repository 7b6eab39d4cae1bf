using System.Globalization;
using System.Text;
using AccessGrid.Cli.Infrastructure;

namespace AccessGrid.Cli.Evaluation;

/// <summary>Writes report.json (machine-readable) and report.md (one benchmark-table row plus the details).</summary>
public static class ReportWriter
{
    public const string JsonFile = "report.json";
    public const string MarkdownFile = "report.md";
    public const string RocFile = "roc.png";

    public static void WriteJson(string folder, EvaluationReport report) =>
        File.WriteAllText(Path.Combine(folder, JsonFile), CliJson.Serialize(report) + "\n");

    public static void WriteMarkdown(string folder, EvaluationReport r) =>
        File.WriteAllText(Path.Combine(folder, MarkdownFile), Markdown(r));

    public static string Markdown(EvaluationReport r)
    {
        var md = new StringBuilder();
        void Line(FormattableString text = default!) => md.AppendLine(text is null ? "" : text.ToString(CultureInfo.InvariantCulture));

        Line($"# LFW pair verification — {r.Variant}");
        Line();
        Line($"{r.ProtocolDescription}");
        Line();
        Line($"| variant | accuracy | AUC | TAR @ FAR 1e-3 | EER | threshold (euclidean / cosine) | failed pairs | detection failures | ms/image |");
        Line($"|---|---|---|---|---|---|---|---|---|");
        var accuracy = r.AccuracyStd is { } std ? $"{r.Accuracy:P2} ± {std:P2}" : $"{r.Accuracy:P2}";
        Line($"| {r.Variant} | {accuracy} | {r.Auc:F4} | {r.TarAtFar1e3:P1} | {r.Eer:P2} | {r.ThresholdEuclidean:F4} / {r.ThresholdCosine:F4} | {r.FailedPairs} / {r.Pairs} | {r.DetectionFailures} / {r.Images} | {r.MsPerImage:F1} |");
        Line();
        Line($"- accuracy with the cosine threshold: {r.AccuracyCosine:P2}");
        Line($"- accuracy over the {r.Pairs - r.FailedPairs} pairs whose images were both encoded (same threshold): {r.AccuracyExcludingFailures:P2}");
        Line($"- threshold with FAR ≤ 1e-3 on the calibration pairs (basis of the 1:K default): {r.ThresholdEuclideanAtFar1e3:F4}");
        if (r.CalibrationAccuracy is { } calibration) Line($"- accuracy on the calibration pairs at the chosen threshold: {calibration:P2}");
        Line($"- TAR @ FAR 1e-2: {r.TarAtFar1e2:P1}");
        Line($"- a pair with an image in which no face was found counts as **wrong** in every accuracy above; in the ROC, AUC, TAR and EER it is a rejection (it lowers TAR and cannot add a false accept)");
        if (r.FailuresByKind.Count > 0)
            Line($"- detection failures by kind: {string.Join(", ", r.FailuresByKind.Select(k => $"{k.Key} {k.Value}"))}");
        Line($"- timing: {r.MsPerImage:F1} ms/image wall clock ({r.Parallelism} parallel batches of {r.BatchSize}), {r.CpuMsPerImage:F1} ms/image CPU; per image inside the pipeline: decode {r.StageMsPerImage.Decode:F1}, detect {r.StageMsPerImage.Detect:F1}, landmarks {r.StageMsPerImage.Landmarks:F1}, align {r.StageMsPerImage.Align:F1}, encode {r.StageMsPerImage.Encode:F1} ms");
        Line($"- options: detector {r.Options.DetectorSize}, rescue {r.Options.RescueDetectorSize}, min score {r.Options.MinDetectionScore}, NMS IoU {r.Options.NmsIouThreshold}, min face {r.Options.MinFaceSize} px, tight-crop retry below {r.Options.TightCropMaxSide} px, mirror average {r.Options.MirrorAverage}, primary face {r.Options.PrimaryFace}");
        if (r.Folds.Count > 0)
        {
            Line();
            Line($"| fold | threshold | accuracy |");
            Line($"|---|---|---|");
            foreach (var fold in r.Folds) Line($"| {fold.Fold + 1} | {fold.Threshold:F4} | {fold.Accuracy:P2} |");
        }
        Line();
        Line($"## Baselines");
        Line();
        var pixel = r.Baselines.PixelL2;
        Line($"- **pixel L2** (whole image shrunk to 96×96 RGB, plain L2, same protocol): accuracy {pixel.Accuracy:P2}, threshold {pixel.Threshold:F3}, AUC {pixel.Auc:F4}");
        var t = r.Baselines.Triplet;
        Line($"- **triplet loss** of our encodings, max(0, d(a,p)² − d(a,n)² + {t.Margin}): mean {t.MeanLoss:F4}, violated {t.ViolatedFraction:P1} of {t.Triplets} triplets ({t.Skipped} skipped for a missing face). Triplets: within each fold the k-th same-person pair gives anchor and positive, the k-th different-person pair gives the negative (its image of someone other than the anchor).");
        Line();
        Line($"![ROC]({RocFile})");
        Line();
        Line($"Per-pair distances: {PairScoresCsv.FileName}.");
        return md.ToString();
    }
}
