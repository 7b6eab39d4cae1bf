using System.CommandLine;
using System.Globalization;
using AccessGrid.Cli.Evaluation.Liveness;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Vision;
using AccessGrid.Vision.Liveness;

namespace AccessGrid.Cli.Commands;

/// <summary>`accessgrid eval liveness --live DIR --spoof DIR [--calibrate-live DIR --calibrate-spoof DIR] [--bursts] --out DIR`.</summary>
public static class EvalLivenessCommand
{
    public static Command Create()
    {
        var live = new Option<string>("--live") { Description = "Folder of bona fide frames (searched recursively).", Required = true };
        var spoof = new Option<string>("--spoof") { Description = "Folder of attack frames (searched recursively).", Required = true };
        var calibrateLive = new Option<string?>("--calibrate-live") { Description = "Bona fide frames to choose thresholds on (other subjects!). Without both --calibrate-*, subjects are split internally." };
        var calibrateSpoof = new Option<string?>("--calibrate-spoof") { Description = "Attack frames to choose thresholds on." };
        var bursts = new Option<bool>("--bursts") { Description = "Also evaluate whole sessions (NUAA file-name prefix ID_glasses_pos_session) as bursts: tracking, median score, blink." };
        var output = new Option<string>("--out") { Description = "Folder for report.md, report.json, det.png and frames.csv.", Required = true };
        var models = new Option<string?>("--models") { Description = "Models folder (default: the installed models)." };

        var command = new Command("liveness",
            "Presentation-attack detection: AUC, APCER/BPCER operating points, undecidable frames and cost per frame; per session with --bursts.")
        {
            live, spoof, calibrateLive, calibrateSpoof, bursts, output, models,
        };
        command.SetAction((parsed, ct) =>
        {
            var (calibrateLiveDir, calibrateSpoofDir) = (parsed.GetValue(calibrateLive), parsed.GetValue(calibrateSpoof));
            if ((calibrateLiveDir is null) != (calibrateSpoofDir is null))
                throw CliException.Usage("give both --calibrate-live and --calibrate-spoof, or neither (then subjects are split internally)");

            // Read the folders before loading models: a typo in a path should fail in milliseconds.
            var samples = LivenessDataset.Load(parsed.GetRequiredValue(live), parsed.GetRequiredValue(spoof), "--live", "--spoof");
            IReadOnlyList<LivenessSample> calibration, test;
            string split;
            if (calibrateLiveDir is not null)
            {
                calibration = LivenessDataset.Load(calibrateLiveDir, calibrateSpoofDir!, "--calibrate-live", "--calibrate-spoof");
                test = samples;
                var shared = calibration.Select(s => s.Subject).Intersect(test.Select(s => s.Subject)).ToArray();
                if (shared.Length > 0)
                    parsed.InvocationConfiguration.Error.WriteLine($"warning: subjects {string.Join(", ", shared)} appear in both the calibration and the test folders");
                split = "calibration folders given";
            }
            else
            {
                (calibration, test) = LivenessDataset.SplitBySubject(samples);
                split = "subjects sorted by id; 1st, 3rd, … calibrate, 2nd, 4th, … are reported";
            }

            var directory = Path.GetFullPath(parsed.GetValue(models) ?? ModelStore.ModelsDirectory);
            if (!File.Exists(Path.Combine(directory, ModelStore.LivenessFile)))
                throw new CliException($"{ModelStore.LivenessFile} not found in {directory}: run ./accessgrid models install");
            using var pipeline = PipelineLoader.Load(directory, new PipelineOptions());
            using var scorer = MiniFasNetScorer.Load(directory);
            var (report, testScores, frames) = LivenessEvaluation.Run(calibration, test, split, parsed.GetValue(bursts),
                pipeline, scorer, new LivenessOptions(), parsed.InvocationConfiguration.Error, ct);
            var folder = parsed.GetRequiredValue(output);
            LivenessReportWriter.Write(folder, report, testScores, frames);

            var stdout = parsed.InvocationConfiguration.Output;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"AUC {report.Auc:F4}, APCER@BPCER3% {report.ApcerAtBpcer3:P2}, threshold {report.Threshold:G4} → APCER {report.ApcerAtThreshold:P2} / BPCER {report.BpcerAtThreshold:P2}, ") +
                string.Create(CultureInfo.InvariantCulture,
                $"{report.FramesLive} live / {report.FramesSpoof} spoof frames, {report.Undecidable} undecidable, {report.MsPerFrame:F2} ms/face"));
            if (report.Bursts is { } b)
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bursts: active APCER {b.ActiveApcer:P1} of {b.SessionsSpoof}, BPCER {b.ActiveBpcer:P1} of {b.SessionsLive} (blink: {b.BlinkMeasure} < {b.BlinkClosedRatio:G3} × median)"));
            stdout.WriteLine($"wrote {Path.Combine(folder, LivenessReportWriter.MarkdownFile)}, {LivenessReportWriter.JsonFile}, {LivenessReportWriter.DetFile}, {LivenessReportWriter.FramesFile}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
