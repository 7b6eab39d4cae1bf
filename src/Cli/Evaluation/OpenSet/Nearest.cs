using AccessGrid.Vision;

namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>A probe's rank-1 identity, its distance, and the runner-up identity's distance (infinity when there is none).</summary>
public readonly record struct Nearest(int Identity, float Distance, float RunnerUp)
{
    /// <summary>The door's rule (<see cref="DecisionThresholds.Accepts"/>, as DoorGrain.Access applies it): rank-1 within
    /// the threshold and clear of the runner-up by the margin.</summary>
    public bool Accepted(float threshold, float margin) => DecisionThresholds.Accepts(Distance, RunnerUp, threshold, margin);
}
