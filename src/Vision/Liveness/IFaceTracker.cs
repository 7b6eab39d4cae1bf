namespace AccessGrid.Vision.Liveness;

/// <summary>Follows one person's face through a burst so that all evidence comes from the same person.</summary>
public interface IFaceTracker
{
    /// <param name="frames">The faces found in each frame, in capture order, primary first.</param>
    /// <returns>Per frame, the index of the tracked face in that frame's list, or null when it is not there.</returns>
    IReadOnlyList<int?> Track(IReadOnlyList<IReadOnlyList<Face>> frames);
}
