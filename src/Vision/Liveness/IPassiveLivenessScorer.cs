namespace AccessGrid.Vision.Liveness;

/// <summary>Scores one face in one frame for being a live person rather than a presented artefact.</summary>
public interface IPassiveLivenessScorer
{
    /// <summary>The live score of the face in <paramref name="box"/> (pixels of <paramref name="image"/>), or an
    /// undecidable result when too little of the context the model needs is inside the frame.</summary>
    PassiveScore Score(RgbImage image, FaceBox box);
}
