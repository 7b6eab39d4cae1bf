using AccessGrid.Vision.Liveness;

namespace AccessGrid.Vision.Tests.Liveness;

public sealed class FaceTrackerTests
{
    private readonly PrimaryFaceTracker _tracker = new(new LivenessOptions());

    [Fact]
    public void A_second_face_appearing_mid_burst_is_not_merged_even_when_it_becomes_primary()
    {
        var person = Embedding(0);
        var stranger = Embedding(1);
        IReadOnlyList<Face>[] frames =
        [
            [At(300, 200, 100, person)],
            [At(305, 202, 100, person)],
            // A larger stranger steps in: the pipeline now orders them first.
            [At(20, 40, 160, stranger), At(310, 204, 100, person)],
            [At(25, 40, 160, stranger), At(312, 205, 100, person)],
        ];
        Assert.Equal([0, 0, 1, 1], _tracker.Track(frames));
    }

    [Fact]
    public void A_different_person_in_the_same_place_ends_the_track()
    {
        IReadOnlyList<Face>[] frames = [[At(300, 200, 100, Embedding(0))], [At(302, 200, 100, Embedding(1))], [At(304, 200, 100, Embedding(0))]];
        Assert.Equal([0, null, 0], _tracker.Track(frames));
    }

    [Fact]
    public void Frames_without_the_face_are_gaps_and_the_track_starts_at_the_first_face()
    {
        var person = Embedding(0);
        IReadOnlyList<Face>[] frames = [[], [At(300, 200, 100, person)], [], [At(330, 210, 100, person)], [At(10, 10, 60, person)]];
        // The last face is far from the tracked box: not the same track even with the same encoding.
        Assert.Equal([null, 0, null, 0, null], _tracker.Track(frames));
    }

    [Fact]
    public void Iou_of_boxes()
    {
        Assert.Equal(1f, PrimaryFaceTracker.Iou(new FaceBox(0, 0, 10, 10), new FaceBox(0, 0, 10, 10)));
        Assert.Equal(0f, PrimaryFaceTracker.Iou(new FaceBox(0, 0, 10, 10), new FaceBox(20, 0, 10, 10)));
        Assert.Equal(50f / 150f, PrimaryFaceTracker.Iou(new FaceBox(0, 0, 10, 10), new FaceBox(5, 0, 10, 10)), 5);
    }

    internal static Face At(float x, float y, float side, float[] embedding) =>
        new(new FaceBox(x, y, side, side), 0.9f, new PointF[68], embedding, new FaceQuality(side, 100, 0.5f, 0, 0));

    /// <summary>Unit vectors along different axes: distance √2 between people, 0 within one.</summary>
    internal static float[] Embedding(int axis)
    {
        var e = new float[128];
        e[axis] = 1;
        return e;
    }
}
