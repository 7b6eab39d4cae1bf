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
        var indices = tracker.Track([.. frames.Select(f => f.Analysis.Faces)]);
        var track = new Face?[frames.Count];
        var scores = new PassiveScore?[frames.Count];
        var evidence = new LivenessFrame[frames.Count];
        for (int i = 0; i < frames.Count; i++)
        {
            if (indices[i] is not { } index)
            {
                evidence[i] = LivenessFrame.Missing;
                continue;
            }
            var face = frames[i].Analysis.Faces[index];
            track[i] = face;
            scores[i] = scorer.Score(frames[i].Image, face.Box);
            evidence[i] = new LivenessFrame(scores[i], face.Landmarks);
        }
        return new BurstLiveness(evaluator.Evaluate(evidence, requireBlink), track, scores);
    }
}
