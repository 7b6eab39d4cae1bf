namespace AccessGrid.Vision.Liveness;

/// <summary>Starts on the primary face of the first frame that has one, then in each frame takes the face that
/// continues the track: box overlap (IoU) or a small centre shift against the last tracked box, and — when both
/// carry encodings — the same identity. A face that appears beside the tracked one mid-burst never joins the
/// track; a frame where the tracked face is missing is a gap (the next frame compares with the last box seen).</summary>
public sealed class PrimaryFaceTracker(LivenessOptions options) : IFaceTracker
{
    public IReadOnlyList<int?> Track(IReadOnlyList<IReadOnlyList<Face>> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var track = new int?[frames.Count];
        Face? last = null;
        for (int f = 0; f < frames.Count; f++)
        {
            var faces = frames[f] ?? [];
            if (last is null)
            {
                if (faces.Count == 0) continue;
                track[f] = 0;
                last = faces[0];
                continue;
            }
            int best = -1;
            float bestIou = -1;
            for (int i = 0; i < faces.Count; i++)
            {
                if (!Continues(last, faces[i], out float iou) || iou <= bestIou) continue;
                best = i;
                bestIou = iou;
            }
            if (best < 0) continue;
            track[f] = best;
            last = faces[best];
        }
        return track;
    }

    private bool Continues(Face last, Face next, out float iou)
    {
        iou = Iou(last.Box, next.Box);
        float dx = next.Box.CenterX - last.Box.CenterX, dy = next.Box.CenterY - last.Box.CenterY;
        bool near = iou >= options.TrackMinIou || MathF.Sqrt(dx * dx + dy * dy) <= options.TrackMaxCentreShift * last.Box.Width;
        bool sameIdentity = last.Embedding is not { Length: > 0 } || next.Embedding is not { Length: > 0 }
                            || last.Embedding.Length != next.Embedding.Length
                            || FaceDistance.Euclidean(last.Embedding, next.Embedding) <= options.TrackMaxEmbeddingDistance;
        return near && sameIdentity;
    }

    public static float Iou(FaceBox a, FaceBox b)
    {
        float x0 = MathF.Max(a.X, b.X), y0 = MathF.Max(a.Y, b.Y);
        float x1 = MathF.Min(a.X + a.Width, b.X + b.Width), y1 = MathF.Min(a.Y + a.Height, b.Y + b.Height);
        float inter = MathF.Max(0, x1 - x0) * MathF.Max(0, y1 - y0);
        float union = a.Area + b.Area - inter;
        return union > 0 ? inter / union : 0;
    }
}
