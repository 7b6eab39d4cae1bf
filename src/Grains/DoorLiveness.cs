namespace AccessGrid.Grains;

/// <summary>A door's liveness policy applied to a burst's evidence (measured at the edge): the verdict the decision
/// reports, and the denial it leads to. The evidence's own verdict is the passive one; the policy adds what
/// <see cref="LivenessPolicy.Active"/> demands on top (a burst, and a blink in it).</summary>
internal static class DoorLiveness
{
    public static LivenessSummary Judge(LivenessPolicy policy, AnalysedBurst burst)
    {
        var evidence = burst.Liveness ?? LivenessSummary.NotChecked;
        return policy switch
        {
            LivenessPolicy.Off => LivenessSummary.NotChecked,
            // Not measured at all (no model on the receiving silo, a frame analysed without the stage): not proven.
            _ when evidence.Verdict == LivenessOutcome.NotChecked => evidence with { Verdict = LivenessOutcome.Undecidable },
            LivenessPolicy.Active when evidence.Verdict == LivenessOutcome.Live && (burst.Frames.Length < 2 || !evidence.Blink)
                => evidence with { Verdict = LivenessOutcome.Undecidable },
            _ => evidence,
        };
    }

    /// <summary>The denial reason for a verdict, or null when it lets the decision go on.</summary>
    public static DecisionReason? Denial(LivenessSummary verdict) => verdict.Verdict switch
    {
        LivenessOutcome.Live or LivenessOutcome.NotChecked => null,
        LivenessOutcome.Spoof => DecisionReason.SpoofSuspected,
        _ => DecisionReason.LivenessUnproven,
    };
}
