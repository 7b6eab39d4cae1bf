using AccessGrid.Vision;
using AccessGrid.Vision.Liveness;

namespace AccessGrid.Cli.Evaluation.Liveness;

/// <summary>Whole capture sessions as bursts: the frames of one session in frame order, through the same
/// <see cref="LivenessChecker"/> a door uses (tracking, median passive score, blink), on the scores already computed.</summary>
public static class SessionBursts
{
    public static IReadOnlyList<SessionOutcome> Evaluate(IReadOnlyList<ScoredFrame> frames, LivenessOptions options, IPassiveLivenessScorer scorer)
    {
        var checker = new LivenessChecker(scorer, options);
        var blink = new RelativeEarBlinkDetector(options);
        return [.. Sessions(frames).Select(session =>
        {
            var faces = session.Select(f => f.Faces).ToArray();
            PassiveScore Lookup(int frame, Face face)
            {
                int index = IndexOf(session[frame].Faces, face);
                return session[frame].Scores[index];
            }
            var passive = checker.Check(faces, Lookup, requireBlink: false).Result;
            var active = checker.Check(faces, Lookup, requireBlink: true);
            var dip = blink.Detect([.. active.Track.Select(f => f?.Landmarks)]).LowestRatio;
            return new SessionOutcome(session[0].Sample.Session, session[0].Sample.Live, session.Length, passive, active.Result, dip);
        })];
    }

    public static IEnumerable<ScoredFrame[]> Sessions(IReadOnlyList<ScoredFrame> frames) =>
        frames.GroupBy(f => f.Sample.Session, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(f => f.Sample.Frame).ToArray());

    private static int IndexOf(IReadOnlyList<Face> faces, Face face)
    {
        for (int i = 0; i < faces.Count; i++) if (ReferenceEquals(faces[i], face)) return i;
        throw new InvalidOperationException("the tracker returned a face that is not in its frame");
    }
}

/// <param name="Passive">The burst verdict with the passive check only (door policy "passive").</param>
/// <param name="Active">The verdict with a blink required (door policy "active").</param>
/// <param name="LowestEarRatio">Lowest eye opening (the chosen measure) over the session median of the tracked face.</param>
public sealed record SessionOutcome(string Session, bool Live, int Frames, LivenessResult Passive, LivenessResult Active, float LowestEarRatio);
