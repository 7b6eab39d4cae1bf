using AccessGrid.Client;
using Spectre.Console;

namespace AccessGrid.Ops.Load;

/// <summary>A whole load run: read the frames, set up doors and staff, send at the constant rate, summarise.</summary>
public static class LoadRun
{
    public static async Task<LoadReport> Execute(Uri url, string adminKey, string imagesFolder, int people, LoadSettings settings,
        IAnsiConsole console, bool interactive, CancellationToken ct, (int Width, int Height)? cameraFrame = null)
    {
        var library = FrameLibrary.Load(imagesFolder, people, unknownPeople: 2 * people, cameraFrame);
        using var client = AccessGridClient.Create(url, adminKey, settings.Timeout);
        var scenario = await LoadScenario.Prepare(client, library, settings.Doors, m => console.MarkupLine($"[grey]{Markup.Escape(m)}[/]"), ct);
        console.MarkupLine(Markup.Escape($"sending {settings.TotalRequests} requests at {settings.Rate} req/s over {settings.Doors} doors (mix {settings.Mix})"));
        var runner = new OpenLoopRunner([client], scenario, settings);
        var outcomes = await LoadConsole.WithLiveProgress(console, interactive, runner.Progress, runner.Run(ct));
        return LoadReport.From(outcomes, settings);
    }
}
