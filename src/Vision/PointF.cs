namespace AccessGrid.Vision;

public readonly record struct PointF(float X, float Y);
