namespace AccessGrid.Vision;

/// <param name="SizePx">Inter-ocular-based face size in pixels: the side of the square the aligned chip covers.</param>
/// <param name="Sharpness">Variance of the Laplacian on the grey chip (higher is sharper).</param>
/// <param name="Brightness">Mean grey level of the chip, 0..1.</param>
/// <param name="RollDegrees">In-plane rotation from the eye line.</param>
/// <param name="YawDegrees">Left/right turn estimated from nose-to-eye asymmetry.</param>
public sealed record FaceQuality(float SizePx, float Sharpness, float Brightness, float RollDegrees, float YawDegrees);
