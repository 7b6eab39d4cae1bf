namespace AccessGrid.Grains;

/// <summary>A burst of frames (1..60, capture order) after analysis on the silo that received it: every frame's
/// faces, which face in each frame is the one tracked person, and the liveness evidence about that person. This, not
/// the images, is what a door decides on.</summary>
/// <param name="Frames">Each frame's analysis, in capture order.</param>
/// <param name="Track">Per frame, the index into that frame's faces of the tracked person, or -1 when absent.</param>
/// <param name="Liveness">The passive verdict, score and blink over the tracked faces (<see cref="LivenessSummary.NotChecked"/>
/// when not measured).</param>
/// <param name="FaceJpeg">A small JPEG of the tracked face in its best frame, only when the door keeps decision
/// snapshots (the gateway asks the analyzer for it); otherwise null: a burst carries no pixels.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.AnalysedBurst")]
public sealed record AnalysedBurst(
    [property: Id(0)] AnalysedFrame[] Frames,
    [property: Id(1)] int[] Track,
    [property: Id(2)] LivenessSummary Liveness,
    [property: Id(3)] byte[]? FaceJpeg = null)
{
    /// <summary>One frame analysed without the liveness stage (grain tests, tools): its primary face is the track and
    /// its liveness is not checked, so a door whose policy is not off denies it with liveness_unproven.</summary>
    public static implicit operator AnalysedBurst(AnalysedFrame frame) =>
        new([frame], [frame.Primary is null ? -1 : 0], LivenessSummary.NotChecked, frame.FaceJpeg);

    /// <summary>The tracked person's face in each frame where it was found, in capture order.</summary>
    public IEnumerable<AnalysedFace> TrackedFaces()
    {
        for (int i = 0; i < Frames.Length; i++)
            if (i < Track.Length && Track[i] >= 0 && Track[i] < (Frames[i].Faces?.Length ?? 0)) yield return Frames[i].Faces[Track[i]];
    }
}
