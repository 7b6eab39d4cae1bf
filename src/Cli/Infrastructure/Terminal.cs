using Spectre.Console;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>Spectre consoles over the invocation's writers: colours and live progress only on a real terminal.</summary>
public static class Terminal
{
    public static IAnsiConsole Over(TextWriter writer)
    {
        var live = IsInteractive(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = live ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = live ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = live ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Redirected output has no window width; Spectre would assume 80 columns and wrap every table cell.
        if (!live) console.Profile.Width = 160;
        return console;
    }

    public static bool IsInteractive(TextWriter writer) =>
        (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
        || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);
}
