namespace AccessGrid.Vision;

/// <summary>One detected, aligned and encoded face.</summary>
/// <param name="Box">Detection box in image pixels (clipped to the image).</param>
/// <param name="Score">Detector confidence 0..1.</param>
/// <param name="Landmarks">68 (x, y) points in image pixels, dlib/iBUG order.</param>
/// <param name="Embedding">L2-normalised 128-D encoding.</param>
/// <param name="Quality">Measurements an enrollment gate can judge.</param>
public sealed record Face(FaceBox Box, float Score, PointF[] Landmarks, float[] Embedding, FaceQuality Quality);

public readonly record struct FaceBox(float X, float Y, float Width, float Height)
{
    public float Area => Width * Height;
    public float CenterX => X + Width / 2;
    public float CenterY => Y + Height / 2;
}

public readonly record struct PointF(float X, float Y);

/// <param name="SizePx">Inter-ocular-based face size in pixels: the side of the square the aligned chip covers.</param>
/// <param name="Sharpness">Variance of the Laplacian on the grey chip (higher is sharper).</param>
/// <param name="Brightness">Mean grey level of the chip, 0..1.</param>
/// <param name="RollDegrees">In-plane rotation from the eye line.</param>
/// <param name="YawDegrees">Left/right turn estimated from nose-to-eye asymmetry.</param>
public sealed record FaceQuality(float SizePx, float Sharpness, float Brightness, float RollDegrees, float YawDegrees);

/// <summary>Milliseconds per pipeline stage for one image.</summary>
public sealed record StageTimings(double Decode = 0, double Detect = 0, double Landmarks = 0, double Align = 0, double Encode = 0)
{
    public double Total => Decode + Detect + Landmarks + Align + Encode;
}
