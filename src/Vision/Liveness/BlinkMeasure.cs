namespace AccessGrid.Vision.Liveness;

/// <summary>What the blink detector measures in each frame.</summary>
public enum BlinkMeasure
{
    /// <summary>Eyelid gap over eye width (Soukupová &amp; Čech). Tilting a hand-held print forwards shrinks
    /// the gap but not the width, so a moving print can fake a dip.</summary>
    EyeAspectRatio,
    /// <summary>Eyelid gap over nose length (points 27–33). Both are vertical, so tilting, scaling or rotating a flat
    /// print changes them alike; only the eyelids closing changes the ratio.</summary>
    LidGapOverNose,
}
