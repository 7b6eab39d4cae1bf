using AccessGrid.Vision;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>The admin API key for commands that talk to a running gateway: --key, else the file `accessgrid up` wrote.</summary>
public static class AdminKey
{
    public static string File => Path.Combine(ModelStore.Home, "admin.key");

    public static string Read(string? key)
    {
        if (!string.IsNullOrWhiteSpace(key)) return key.Trim();
        if (System.IO.File.Exists(File)) return System.IO.File.ReadAllText(File).Trim();
        throw CliException.Usage($"No --key given and no {File}: start the system with `./accessgrid up` first.");
    }
}
