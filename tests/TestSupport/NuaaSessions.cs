using System.Globalization;

namespace AccessGrid.TestSupport;

/// <summary>NUAA sessions from ../shared/datasets/pad-nuaa-train (tests that use them skip without ../shared).</summary>
public static class NuaaSessions
{
    /// <summary>The frames of one session in capture order: <paramref name="kind"/> "live" or "spoof", the session
    /// as the file-name prefix (e.g. "0002_01_00_01"); file names end in the frame number.</summary>
    public static byte[][] Frames(string kind, string session) =>
        [.. Directory.GetFiles(RepoPaths.Shared("datasets", "pad-nuaa-train", kind, session[..4]), session + "_*.jpg")
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)[(session.Length + 1)..], CultureInfo.InvariantCulture))
            .Select(File.ReadAllBytes)];
}
