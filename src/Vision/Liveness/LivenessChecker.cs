namespace AccessGrid.Vision.Liveness;

/// <summary>The liveness stage: track the primary person through the burst, score each of their frames with the
/// passive model, look for a blink in their landmarks, and combine (<see cref="BurstEvaluator"/>). A single frame
/// is a burst of one (no blink possible). Thread-safe when its parts are (the shipped ones are).</summary>
public sealed class LivenessChecker(IPassiveLivenessScorer scorer, IFaceTracker tracker, BurstEvaluator evaluator)
{
    public LivenessChecker(IPassiveLivenessScorer scorer, LivenessOptions options)
        : this(scorer, new PrimaryFaceTracker(options), new BurstEvaluator(options)) { }

    /// <param name="requireBlink">True for an "active" check: the burst must also contain a blink.</param>
    public BurstLiveness Check(IReadOnlyList<LivenessBurstFrame> frames, bool requireBlink)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return Check([.. frames.Select(f => f.Analysis.Faces)], (frame, face) => scorer.Score(frames[frame].Image, face.Box), requireBlink);
    }

    /// <summary>The same stage when the passive scores come from elsewhere (already computed, e.g. by an
    /// evaluation that keeps no pixels): <paramref name="score"/> is asked only for the tracked face of each frame.</summary>
    public BurstLiveness Check(IReadOnlyList<IReadOnlyList<Face>> faces, Func<int, Face, PassiveScore> score, bool requireBlink)
    {
        ArgumentNullException.ThrowIfNull(faces);
        ArgumentNullException.ThrowIfNull(score);
        var indices = tracker.Track(faces);
        var track = new Face?[faces.Count];
        var scores = new PassiveScore?[faces.Count];
        var evidence = new LivenessFrame[faces.Count];
        for (int i = 0; i < faces.Count; i++)
        {
            if (indices[i] is not { } index)
            {
                evidence[i] = LivenessFrame.Missing;
                continue;
            }
            var face = faces[i][index];
            track[i] = face;
            scores[i] = score(i, face);
            evidence[i] = new LivenessFrame(scores[i], face.Landmarks);
        }
        return new BurstLiveness(evaluator.Evaluate(evidence, requireBlink), track, scores);
    }
}
