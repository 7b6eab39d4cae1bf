using System.Text.RegularExpressions;

namespace AccessGrid.Cli.Evaluation.Liveness;

/// <summary>One labelled frame. NUAA names (`ID_glasses_pos_session_frame.jpg`) give subject, session and frame
/// number; any other name is its own session, with the subject taken from the text before the first '_'.</summary>
/// <param name="Session">Frames of one capture: the file name without its trailing frame number (and live/spoof,
/// since NUAA reuses the same prefix for a subject's live and printed-photo captures).</param>
public sealed partial record LivenessSample(string Path, bool Live, string Subject, string Session, int Frame)
{
    public static LivenessSample FromPath(string path, bool live)
    {
        var stem = System.IO.Path.GetFileNameWithoutExtension(path);
        var kind = live ? "live" : "spoof";
        var nuaa = NuaaName().Match(stem);
        if (nuaa.Success)
            return new(path, live, nuaa.Groups["subject"].Value, $"{kind}/{nuaa.Groups["session"].Value}", int.Parse(nuaa.Groups["frame"].Value));
        var underscore = stem.IndexOf('_');
        return new(path, live, underscore > 0 ? stem[..underscore] : stem, $"{kind}/{stem}", 0);
    }

    [GeneratedRegex(@"^(?<session>(?<subject>\d+)_\d+_\d+_\d+)_(?<frame>\d+)$")]
    private static partial Regex NuaaName();
}
