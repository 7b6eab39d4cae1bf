namespace AccessGrid.Vision;

/// <summary>Milliseconds per pipeline stage for one image.</summary>
public sealed record StageTimings(double Decode = 0, double Detect = 0, double Landmarks = 0, double Align = 0, double Encode = 0)
{
    public double Total => Decode + Detect + Landmarks + Align + Encode;
}
