namespace AccessGrid.Vision;

/// <summary>One detected, aligned and encoded face.</summary>
/// <param name="Box">Detection box in image pixels (clipped to the image).</param>
/// <param name="Score">Detector confidence 0..1.</param>
/// <param name="Landmarks">68 (x, y) points in image pixels, dlib/iBUG order.</param>
/// <param name="Embedding">L2-normalised 128-D encoding.</param>
/// <param name="Quality">Measurements an enrollment gate can judge.</param>
public sealed record Face(FaceBox Box, float Score, PointF[] Landmarks, float[] Embedding, FaceQuality Quality);
