namespace AccessGrid.Vision.Liveness;

/// <summary>One frame's passive liveness evidence for one face.</summary>
/// <param name="LiveScore">Softmax probability of the "live" class, 0..1; null when <see cref="IsDecidable"/> is false.</param>
/// <param name="Coverage">Share of the wanted context area that was inside the frame (see <see cref="ContextCrop"/>).</param>
public sealed record PassiveScore(float? LiveScore, float Coverage)
{
    /// <summary>False when the face fills the frame so much that the model would judge it without its context.</summary>
    public bool IsDecidable => LiveScore is not null;
}
