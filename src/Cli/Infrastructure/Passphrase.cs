using System.CommandLine;
using System.Text;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>The backup passphrase: from --passphrase-file, else $ACCESSGRID_BACKUP_PASSPHRASE, else asked on the
/// terminal without echo. Never a command-line value: `ps` would show it to every user of the machine.</summary>
public sealed class Passphrase
{
    public const string Variable = "ACCESSGRID_BACKUP_PASSPHRASE";
    public const int MinLength = 8;

    public Option<string?> File { get; } = new("--passphrase-file")
    {
        Description = $"File whose first line is the passphrase (else ${Variable}, else asked on the terminal).",
    };

    /// <param name="confirm">Ask twice on a terminal (a new backup's passphrase, which nobody can recover).</param>
    public string Read(ParseResult parsed, TextWriter prompt, bool confirm)
    {
        var passphrase = FromFile(parsed.GetValue(File)) ?? Environment.GetEnvironmentVariable(Variable) ?? Ask(prompt, confirm);
        if (passphrase.Length < MinLength) throw CliException.Usage($"The passphrase must be at least {MinLength} characters.");
        return passphrase;
    }

    private static string? FromFile(string? path)
    {
        if (path is null) return null;
        if (!System.IO.File.Exists(path)) throw CliException.Usage($"no passphrase file {path}");
        using var reader = new StreamReader(path);
        return reader.ReadLine() ?? "";
    }

    private static string Ask(TextWriter prompt, bool confirm)
    {
        if (Console.IsInputRedirected)
            throw CliException.Usage($"No passphrase: give --passphrase-file or set {Variable} (or run on a terminal to be asked).");
        var first = Prompt(prompt, "Backup passphrase: ");
        if (confirm && Prompt(prompt, "Again: ") != first) throw CliException.Usage("The two passphrases differ.");
        return first;
    }

    private static string Prompt(TextWriter prompt, string text)
    {
        prompt.Write(text);
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        prompt.WriteLine();
        return typed.ToString();
    }
}
