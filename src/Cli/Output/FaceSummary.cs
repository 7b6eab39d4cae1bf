using AccessGrid.Vision;

namespace AccessGrid.Cli.Output;

/// <summary>What `detect --json` prints per face (everything but the encoding).</summary>
public sealed record FaceSummary(
    int Index, bool Primary, FaceBox Box, float Score, FaceQuality Quality, IReadOnlyList<float[]> Landmarks)
{
    public static FaceSummary From(Face face, int index) => new(
        index, index == 0, face.Box, face.Score, face.Quality, face.Landmarks.Select(p => new[] { p.X, p.Y }).ToArray());
}
